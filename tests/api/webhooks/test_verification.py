"""The verification code frontends get (frontend_contract/webhooks/verify.mjs and verify.py)
accepts what the hub signs and refuses tampered, re-signed, stale or unsigned requests;
WEBHOOKS.md shows exactly that code."""

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from api.webhooks.delivery import encode_payload
from api.webhooks.signing import derive_secret, new_secret_salt, signature
from tests.api.webhooks.conftest import verify

CONTRACT = Path(__file__).parents[3] / "frontend_contract"
VERIFY_MJS = CONTRACT / "webhooks" / "verify.mjs"
VERIFY_PY = CONTRACT / "webhooks" / "verify.py"
WEBHOOKS_MD = CONTRACT / "WEBHOOKS.md"

BODY = encode_payload(
    {
        "id": "0d6f5c1e-8a3b-4a51-9d55-3f1f0b6f2a77",
        "type": "page.published",
        "site": {"id": 1, "hostname": "chemienetzwerk-harz.localhost"},
        "object": {"kind": "page", "type": "news", "id": 42, "locale": "de",
                   "old_path": None, "new_path": "/aktuelles/größer/"},
        "affected_paths": ["/aktuelles/"],
    }
)  # fmt: skip
TAMPERED = BODY.replace(b"/aktuelles/", b"/impressum/", 1)


@pytest.fixture
def secret():
    return derive_secret(new_secret_salt())


def signed(secret, *, body=BODY, timestamp=None):
    timestamp = int(time.time()) if timestamp is None else timestamp
    return str(timestamp), signature(secret=secret, timestamp=timestamp, body=body)


def run_node(secret, timestamp, signature_header, body):
    node = shutil.which("node")
    assert node, "Node.js 20 or newer is needed to test verify.mjs"
    return subprocess.run(
        [node, str(VERIFY_MJS), timestamp, signature_header],
        input=body,
        env={**os.environ, "HUB_WEBHOOK_SECRET": secret},
        capture_output=True,
        timeout=30,
        check=False,
    )


def run_python(secret, timestamp, signature_header, body):
    return subprocess.run(
        [sys.executable, str(VERIFY_PY), timestamp, signature_header],
        input=body,
        env={**os.environ, "HUB_WEBHOOK_SECRET": secret},
        capture_output=True,
        timeout=30,
        check=False,
    )


@pytest.mark.parametrize("run", [run_node, run_python], ids=["node", "python-cli"])
def test_the_scripts_accept_a_signed_body_and_refuse_a_tampered_one(run, secret):
    timestamp, header = signed(secret)

    valid = run(secret, timestamp, header, BODY)
    tampered = run(secret, timestamp, header, TAMPERED)

    assert valid.returncode == 0, valid.stderr
    assert valid.stdout.strip() == b"valid"
    assert tampered.returncode == 1
    assert b"signature does not match" in tampered.stderr


@pytest.mark.parametrize("run", [run_node, run_python], ids=["node", "python-cli"])
def test_the_scripts_refuse_stale_and_foreign_signatures(run, secret):
    stale_timestamp, stale_header = signed(secret, timestamp=int(time.time()) - 301)
    other_timestamp, other_header = signed(derive_secret(new_secret_salt()))

    stale = run(secret, stale_timestamp, stale_header, BODY)
    foreign = run(secret, other_timestamp, other_header, BODY)
    unsigned = run(secret, other_timestamp, "", BODY)

    assert stale.returncode == 1
    assert b"too old" in stale.stderr
    assert foreign.returncode == 1
    assert b"signature does not match" in foreign.stderr
    assert unsigned.returncode == 1


def test_the_python_function(secret):
    timestamp, header = signed(secret)

    verify.verify_webhook(secret=secret, body=BODY, timestamp=timestamp, signature=header)
    with pytest.raises(verify.InvalidWebhook):
        verify.verify_webhook(secret=secret, body=TAMPERED, timestamp=timestamp, signature=header)
    with pytest.raises(verify.InvalidWebhook):
        verify.verify_webhook(
            secret=secret, body=BODY, timestamp=str(int(timestamp) + 1), signature=header
        )
    with pytest.raises(verify.InvalidWebhook):
        verify.verify_webhook(
            secret=secret, body=BODY, timestamp=timestamp, signature=header, now=time.time() + 400
        )


def code_blocks(markdown: str, language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", markdown, flags=re.DOTALL)


def test_webhooks_md_shows_the_tested_code():
    markdown = WEBHOOKS_MD.read_text()

    assert VERIFY_MJS.read_text() in code_blocks(markdown, "js")
    assert VERIFY_PY.read_text() in code_blocks(markdown, "python")
