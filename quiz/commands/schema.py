"""`quiz schema`: the JSON Schema of a content file, for editors."""

from __future__ import annotations

import argparse
import json

from quiz.commands.parser import EXIT_OK


def run_schema(args: argparse.Namespace) -> int:
    from pydantic import BaseModel

    from quiz.content.campaign.models import CampaignFile
    from quiz.content.models import QuestionFile, SourcesFile
    from quiz.content.schema import schema_of

    models: dict[str, type[BaseModel]] = {
        "questions": QuestionFile,
        "sources": SourcesFile,
        "campaign": CampaignFile,
    }
    print(json.dumps(schema_of(models[args.file]), indent=2, ensure_ascii=False))
    return EXIT_OK
