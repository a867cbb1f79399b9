"""Machine translation: DeepL from the environment, a local translator in the tests.

DeepL itself is never called: its API is played by an HTTP server on 127.0.0.1 that
records what the translator sends and answers as DeepL does.
"""

import json
import runpy
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils.module_loading import import_string
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.strings import StringValue

from hub.settings import base as base_settings
from hub.settings.env import Env, deepl_machine_translator, parse_glossary_ids
from hub.translation.machine import DeepLTranslator
from pages.models import NewsPage
from tests.factories import NewsPageFactory, locale

# Evaluated afresh, with the environment each test sets.
BASE_SETTINGS = base_settings.__file__
GLOSSARY_ID = "3f0e8c5e-8a4b-4c41-9d0e-2b7a5c9d1e20"
POLISH_GLOSSARY_ID = "a7d2b1c4-5e6f-4a8b-9c0d-1e2f3a4b5c6d"
# What the stand-in DeepL answers for the strings of the test page.
ENGLISH = {
    "Neues Mitglied": "New member",
    "neues-mitglied": "new-member",
    "Das Netzwerk hat <b>19 Mitglieder</b>.": "The network has <b>19 members</b>.",
    'Mehr im <a id="a1">Jahresbericht</a>.': 'More in the <a id="a1">annual report</a>.',
}


class DeepLStandIn(BaseHTTPRequestHandler):
    """Answers POST /v2/translate like DeepL and records each request on the server."""

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"])).decode("utf-8")
        form = parse_qs(body)
        self.server.received.append(
            {"path": self.path, "authorization": self.headers["Authorization"], "form": form}
        )
        answer = json.dumps(
            {
                "translations": [
                    {"detected_source_language": "DE", "text": ENGLISH.get(text, f"EN {text}")}
                    for text in form["text"]
                ]
            }
        ).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, format, *args):
        """Keep the test output quiet."""


@pytest.fixture
def deepl_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), DeepLStandIn)
    server.received = []
    # A short poll interval lets shutdown() return at once.
    thread = threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def endpoint(server) -> str:
    host, port = server.server_address
    return f"http://{host}:{port}/v2/translate"


@pytest.fixture
def translation(db):
    """The English translation of a German news page whose English draft exists."""
    page = NewsPageFactory(
        title="Neues Mitglied",
        body=[
            (
                "paragraph",
                "<p>Das Netzwerk hat <b>19 Mitglieder</b>.</p>"
                '<p>Mehr im <a href="https://www.example.org/bericht">Jahresbericht</a>.</p>',
            )
        ],
    )
    TranslationCreator(user=None, target_locales=[locale("en")]).create_translations(page)
    return Translation.objects.get(source__object_id=page.translation_key)


def machine_translate(client, translation):
    editor = translation.get_target_instance_edit_url()
    response = client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]), {"next": editor}
    )
    assert response.status_code == 302
    assert response["Location"] == editor
    return response


def english_strings(translation) -> dict[str, StringTranslation]:
    return {
        string_translation.translation_of.data: string_translation
        for string_translation in StringTranslation.objects.filter(
            locale=translation.target_locale
        ).select_related("translation_of")
    }


# The local translator of the test settings


def test_machine_translate_fills_untranslated_strings_with_the_local_translator(
    staff_client, translation
):
    segment = StringSegment.objects.get(source=translation.source, string__data="Neues Mitglied")
    StringTranslation.objects.create(
        translation_of=segment.string,
        context=segment.context,
        locale=translation.target_locale,
        data="New member",
        translation_type="manual",
    )

    machine_translate(staff_client, translation)

    strings = english_strings(translation)
    assert strings["Neues Mitglied"].data == "New member", "a translator's work is kept"
    # The dummy translator reverses the words (and the elements of a string with markup).
    assert strings["neues-mitglied"].data == "neues-mitglied"
    assert strings["Das Netzwerk hat <b>19 Mitglieder</b>."].data == (
        ".<b>Mitglieder 19</b>hat Netzwerk Das "
    )
    assert strings["Das Netzwerk hat <b>19 Mitglieder</b>."].translation_type == "machine"
    total, translated = translation.get_progress()
    assert translated == total


# DeepL against a stand-in server


def test_deepl_translator_sends_key_languages_and_glossary_and_maps_the_answer(db, deepl_server):
    translator = DeepLTranslator(
        {
            "AUTH_KEY": "test-key:fx",
            "GLOSSARY_IDS": {("DE", "EN"): GLOSSARY_ID},
            "API_URL": endpoint(deepl_server),
        }
    )
    strings = [
        StringValue("Das Netzwerk hat <b>19 Mitglieder</b>."),
        StringValue.from_plaintext("Kreislaufwirtschaft"),
    ]

    answer = translator.translate(locale("de"), locale("en"), strings)

    assert answer == {
        strings[0]: StringValue("The network has <b>19 members</b>."),
        strings[1]: StringValue("EN Kreislaufwirtschaft"),
    }
    [request] = deepl_server.received
    assert request["path"] == "/v2/translate"
    assert request["authorization"] == "DeepL-Auth-Key test-key:fx"
    assert request["form"] == {
        "text": ["Das Netzwerk hat <b>19 Mitglieder</b>.", "Kreislaufwirtschaft"],
        "tag_handling": ["xml"],
        "source_lang": ["DE"],
        "target_lang": ["EN"],
        "glossary_id": [GLOSSARY_ID],
    }


def test_machine_translate_with_deepl_configured_from_the_environment(
    staff_client, translation, deepl_server, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = deepl_machine_translator(
        Env(
            {
                "DEEPL_API_KEY": "test-key",
                "DEEPL_GLOSSARY_IDS": f"de:en={GLOSSARY_ID}",
                "DEEPL_API_URL": endpoint(deepl_server),
            }
        )
    )

    machine_translate(staff_client, translation)

    [request] = deepl_server.received
    assert request["authorization"] == "DeepL-Auth-Key test-key"
    assert request["form"]["glossary_id"] == [GLOSSARY_ID]
    strings = english_strings(translation)
    assert {text: string.data for text, string in strings.items()} == ENGLISH
    assert {string.tool_name for string in strings.values()} == {"DeepL"}
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    english = NewsPage.objects.get(pk=translation.get_target_instance().pk)
    assert english.title == "New member"
    assert str(english.body[0].value) == (
        "<p>The network has <b>19 members</b>.</p>"
        '<p>More in the <a href="https://www.example.org/bericht">annual report</a>.</p>'
    )


def test_without_api_url_the_library_picks_the_endpoint_by_key_type():
    assert DeepLTranslator({"AUTH_KEY": "abc:fx"}).get_api_endpoint() == (
        "https://api-free.deepl.com/v2/translate"
    )
    assert DeepLTranslator({"AUTH_KEY": "abc"}).get_api_endpoint() == (
        "https://api.deepl.com/v2/translate"
    )


# Configuration from the environment


def test_without_a_key_there_is_no_machine_translator():
    assert deepl_machine_translator(Env({})) is None


def test_a_key_alone_configures_deepl_without_glossaries():
    config = deepl_machine_translator(Env({"DEEPL_API_KEY": " secret-key "}))

    assert config == {
        "CLASS": "hub.translation.machine.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": "secret-key", "GLOSSARY_IDS": {}},
    }
    assert import_string(config["CLASS"]) is DeepLTranslator


def test_glossaries_and_endpoint_come_from_the_environment():
    config = deepl_machine_translator(
        Env(
            {
                "DEEPL_API_KEY": "secret-key",
                "DEEPL_GLOSSARY_IDS": f"de:en={GLOSSARY_ID}, DE:pl = {POLISH_GLOSSARY_ID.upper()},",
                "DEEPL_API_URL": "https://deepl-proxy.example.org/v2/translate",
            }
        )
    )

    assert config["OPTIONS"] == {
        "AUTH_KEY": "secret-key",
        "GLOSSARY_IDS": {("DE", "EN"): GLOSSARY_ID, ("DE", "PL"): POLISH_GLOSSARY_ID},
        "API_URL": "https://deepl-proxy.example.org/v2/translate",
    }


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (f"de-en={GLOSSARY_ID}", "must look like 'de:en=<glossary id>"),
        ("de:en", "must look like 'de:en=<glossary id>"),
        (f"deutsch:en={GLOSSARY_ID}", "must look like 'de:en=<glossary id>"),
        ("de:en=glossary-1", "'glossary-1' for de:en is not a DeepL glossary id"),
        (f"de:de={GLOSSARY_ID}", "de:de translates a language into itself"),
        (f"de:en={GLOSSARY_ID},de:EN={POLISH_GLOSSARY_ID}", "de:EN is given twice"),
    ],
)
def test_malformed_glossary_ids_refuse_to_start(value, message):
    with pytest.raises(ImproperlyConfigured, match=r"^DEEPL_GLOSSARY_IDS") as refusal:
        parse_glossary_ids(value)

    assert message in str(refusal.value)


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"DEEPL_GLOSSARY_IDS": f"de:en={GLOSSARY_ID}"}, "DEEPL_GLOSSARY_IDS need DEEPL_API_KEY"),
        ({"DEEPL_API_URL": "https://x.example/"}, "DEEPL_API_URL need DEEPL_API_KEY"),
        ({"DEEPL_API_KEY": "k", "DEEPL_API_URL": "ftp://x.example/"}, "must be an http(s) URL"),
        ({"DEEPL_API_KEY": "k", "DEEPL_API_URL": "api.deepl.com"}, "must be an http(s) URL"),
    ],
)
def test_inconsistent_deepl_settings_refuse_to_start(environ, message):
    with pytest.raises(ImproperlyConfigured) as refusal:
        deepl_machine_translator(Env(environ))

    assert message in str(refusal.value)


def test_base_settings_define_the_translator_only_with_a_key(monkeypatch):
    monkeypatch.delenv("DEEPL_GLOSSARY_IDS", raising=False)
    monkeypatch.delenv("DEEPL_API_URL", raising=False)
    monkeypatch.delenv("DEEPL_API_KEY", raising=False)
    assert "WAGTAILLOCALIZE_MACHINE_TRANSLATOR" not in runpy.run_path(BASE_SETTINGS)

    monkeypatch.setenv("DEEPL_API_KEY", "secret-key")
    settings = runpy.run_path(BASE_SETTINGS)

    assert settings["WAGTAILLOCALIZE_MACHINE_TRANSLATOR"]["OPTIONS"]["AUTH_KEY"] == "secret-key"
