"""`quiz schema`: the JSON Schema of a content file, for editors."""

from __future__ import annotations

import argparse
import json

from quiz.commands.parser import EXIT_OK


def run_schema(args: argparse.Namespace) -> int:
    from quiz.content.models import QuestionFile, SourcesFile

    model = QuestionFile if args.file == "questions" else SourcesFile
    schema = model.model_json_schema()
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    print(json.dumps(schema, indent=2, ensure_ascii=False))
    return EXIT_OK
