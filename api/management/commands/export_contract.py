"""``manage.py export_contract``: write the frontend contract from the code.

::

    manage.py export_contract              # frontend_contract/openapi.json
    manage.py export_contract --check      # exit 1 when openapi.json differs from the code
    manage.py export_contract --examples   # also frontend_contract/examples/ (demo loaded)

``make contract`` runs it and regenerates the TypeScript types; ``make contract-examples``
loads the demo into a throwaway database first.
"""

import difflib

from django.core.management.base import BaseCommand, CommandError

from api.management.contract import (
    EXAMPLES_DIR,
    OPENAPI_PATH,
    generate_openapi_reporting,
    openapi_json,
)


def contract_diff(committed: str, generated: str, *, limit: int = 40) -> str:
    """The first ``limit`` lines of a unified diff from the committed to the generated file."""
    lines = difflib.unified_diff(
        committed.splitlines(),
        generated.splitlines(),
        fromfile="frontend_contract/openapi.json (committed)",
        tofile="generated from the code",
        lineterm="",
    )
    return "\n".join(line for _number, line in zip(range(limit), lines, strict=False))


class Command(BaseCommand):
    help = (
        "Write frontend_contract/openapi.json from the code (drf-spectacular); with "
        "--examples also the example payloads in frontend_contract/examples/ from the demo "
        "content in the database; with --check only compare."
    )

    def add_arguments(self, parser) -> None:
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument(
            "--check",
            action="store_true",
            help="Write nothing; fail when openapi.json differs from what the code generates.",
        )
        mode.add_argument(
            "--examples",
            action="store_true",
            help="Also write the example payloads (needs the demo content: load_demo).",
        )

    def handle(self, *args, check: bool, examples: bool, **options) -> None:
        # Each problem is a place where the schema had to guess a type: reported always,
        # fatal for --check (CI), so work in progress can still be exported and looked at.
        schema, problems = generate_openapi_reporting()
        for problem in problems:
            self.stderr.write(problem)
        if check and problems:
            raise CommandError(f"drf-spectacular reported {len(problems)} problems (above).")
        generated = openapi_json(schema)
        committed = OPENAPI_PATH.read_text(encoding="utf-8") if OPENAPI_PATH.exists() else ""

        if check:
            if committed != generated:
                raise CommandError(
                    "frontend_contract/openapi.json is out of date: run `make contract`.\n"
                    + contract_diff(committed, generated)
                )
            self.stdout.write("frontend_contract/openapi.json is up to date.")
            return

        if committed == generated:
            self.stdout.write("frontend_contract/openapi.json is up to date.")
        else:
            OPENAPI_PATH.write_text(generated, encoding="utf-8")
            self.stdout.write(self.style.SUCCESS("Wrote frontend_contract/openapi.json."))

        if examples:
            # Imported only here: it needs the page serializers and the demo's site list.
            from api.management.examples import export_examples

            EXAMPLES_DIR.mkdir(parents=True, exist_ok=True)
            exported = export_examples(EXAMPLES_DIR)
            self.stdout.write(
                self.style.SUCCESS(
                    f"Wrote {len(exported.files)} files to frontend_contract/examples/."
                )
            )
            if exported.missing_page_types:
                self.stderr.write(
                    "No example for these page types (the demo has no live German page of "
                    "them): " + ", ".join(exported.missing_page_types)
                )
