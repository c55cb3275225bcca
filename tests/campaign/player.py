"""A scripted player for campaigns: plays to an ending by fixed rules, for tests."""

from __future__ import annotations

from collections import deque
from itertools import combinations

from quiz.engine.campaign.run import CampaignRun
from quiz.engine.kinds import kind_of
from quiz.engine.playable import Answer, Playable


def wrong_answer(playable: Playable) -> Answer:
    """An answer that earns no credit."""
    return kind_of(playable.type).wrong(playable)


def play(run: CampaignRun, *, skill: int, explore: bool = True, max_moves: int = 500) -> str:
    """Play to an ending; return its id.

    `skill`: how many questions (in the order met) are answered right at the
    first try; the rest are answered wrongly once, then rightly. Contradictions
    are solved at the first try while skill lasts, else after a wrong try.
    `explore`: visit every place before the briefing, or take the shortest way.
    """
    budget = [skill]

    def good() -> bool:
        budget[0] -= 1
        return budget[0] >= 0

    for _ in range(max_moves):
        if run.finished:
            assert run.ending is not None
            return run.ending.id
        for evidence in run.scene.evidence:
            run.keep(evidence.id)
        for view in run.questions():
            if view.answered_right:
                continue
            assert view.playable.answer is not None
            if not good():
                assert run.answer(view.ref, wrong_answer(view.playable)).outcome != "right"
            assert run.answer(view.ref, view.playable.answer).outcome == "right"
        contradiction = run.contradiction
        if contradiction is not None and not run.contradiction_solved:
            pairs = list(combinations(run.state.notebook, 2))
            right_pairs = [p for p in pairs if run.is_right_pair(*p)]
            wrong_pairs = [p for p in pairs if not run.is_right_pair(*p)]
            assert right_pairs, f"no right pair in the notebook at {run.scene.id}"
            skilled = good()
            if not skilled and wrong_pairs:
                assert not run.try_pair(*wrong_pairs[0])
            assert run.try_pair(*right_pairs[0])
            if not skilled:
                wrong = next(r for r in contradiction.reasons if r != contradiction.answer)
                assert not run.give_reason(wrong)
            assert run.give_reason(contradiction.answer)
        run.go(_next_exit(run, explore))
    raise AssertionError("the scripted player did not reach an ending")


def _next_exit(run: CampaignRun, explore: bool) -> int:
    open_exits = [e for e in run.exits() if e.open]
    assert open_exits, f"stuck at {run.scene.id}: {[e.missing for e in run.exits()]}"
    final = {s.id for s in run.campaign.scene if s.final}
    visited = set(run.state.visited)
    if explore:
        for view in open_exits:  # somewhere new that is not the end
            if view.to not in visited and view.to not in final:
                return view.index
        unvisited = {s.id for s in run.campaign.scene} - visited - final
        if unvisited:  # walk back towards the nearest unvisited place
            step = _first_step(run, open_exits, unvisited)
            if step is not None:
                return step
    step = _first_step(run, open_exits, final)
    assert step is not None, f"no way to an ending from {run.scene.id}"
    return step


def _first_step(run: CampaignRun, open_exits: list, targets: set[str]) -> int | None:
    """The exit that starts a shortest way (ignoring locks further on) to any target."""
    scenes = {s.id: s for s in run.campaign.scene}
    best: tuple[int, int] | None = None
    for view in open_exits:
        distance = _distance(scenes, view.to, targets)
        if distance is not None and (best is None or distance < best[0]):
            best = (distance, view.index)
    return None if best is None else best[1]


def _distance(scenes: dict, start: str, targets: set[str]) -> int | None:
    queue, seen = deque([(start, 0)]), {start}
    while queue:
        here, steps = queue.popleft()
        if here in targets:
            return steps
        for exit_ in scenes[here].exits:
            if exit_.to not in seen:
                seen.add(exit_.to)
                queue.append((exit_.to, steps + 1))
    return None
