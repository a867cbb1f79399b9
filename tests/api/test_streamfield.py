"""StreamField values in the API: ``{type, id, value}`` with a typed value per block.

The field is rendered the way page serializers use it: declared on a serializer, with
the request and the response's locale in the context.
"""

import copy
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework import serializers
from rest_framework.test import APIRequestFactory
from wagtail.models import PageViewRestriction

from api.serializers.streamfield import StreamFieldSerializerField
from pages.blocks import BodyStreamBlock
from pages.models import ClusterPage, DocumentationItemPage, NewsletterIssuePage, StandardPage
from tests.factories import (
    ClusterPageFactory,
    DocumentationItemPageFactory,
    DocumentFactory,
    FundingFactory,
    ImageFactory,
    NewsletterIssuePageFactory,
    OrganisationFactory,
    PersonFactory,
    QuoteFactory,
    SiteFactory,
    StandardPageFactory,
    body_block_values,
    locale,
)
from tests.factories.blocks import image_value
from tests.factories.translations import translate

pytestmark = pytest.mark.django_db


class BodySerializer(serializers.Serializer):
    body = StreamFieldSerializerField(BodyStreamBlock)


def render(page, *, language: str = "de") -> list[dict]:
    """``page.body`` as the API renders it for a response in ``language``."""
    context = {"request": APIRequestFactory().get("/api/v1/"), "locale": locale(language)}
    return BodySerializer(page, context=context).data["body"]


def publish(page):
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def page_with_body(parent, blocks: list[tuple[str, object]], **kwargs) -> StandardPage:
    page = StandardPageFactory(parent=parent, **kwargs)
    page.body = [{"type": name, "value": copy.deepcopy(value)} for name, value in blocks]
    return publish(page)


def values_by_type(rendered: list[dict]) -> dict[str, object]:
    return {item["type"]: item["value"] for item in rendered}


@pytest.fixture
def home():
    """The root page of a site on the test client's host."""
    return SiteFactory().root_page


@pytest.fixture
def every_block(home):
    """A published page whose body holds every body block once, and the stored values."""
    stored = body_block_values(link_page=home)
    return page_with_body(home, list(stored.items())), stored


def test_items_are_type_id_and_value_in_stream_order(every_block):
    page, stored = every_block

    rendered = render(page)

    assert [item["type"] for item in rendered] == list(stored)
    assert [item["id"] for item in rendered] == [child.id for child in page.body]
    assert all(uuid.UUID(item["id"]) for item in rendered)


def test_text_blocks(every_block):
    page, _stored = every_block

    values = values_by_type(render(page))

    assert values["heading"] == {"text": "Kompetenzregion Westharz", "level": "h3"}
    assert values["paragraph"] == "<p>Das Netzwerk verbindet <b>19 Mitglieder</b>.</p>"
    assert values["quote"] == {
        "text": "Die Region lebt von ihrer Chemie.",
        "attribution": "Dr. Christoph Mühlhaus",
        "role": "Clustersprecher",
    }
    assert values["accordion"] == {
        "heading": "Häufige Fragen",
        "items": [{"question": "Wer kann Mitglied werden?", "answer": "<p>Alle.</p>"}],
    }


def test_call_to_action_leads_to_the_chosen_page(every_block, home):
    page, _stored = every_block

    call_to_action = values_by_type(render(page))["call_to_action"]

    assert call_to_action == {
        "title": "Mitglied werden",
        "text": "Kommen Sie ins Netzwerk.",
        "page": {"id": home.pk, "type": "home", "title": home.title, "locale": "de", "path": "/"},
        "url": None,
        "label": "Mehr erfahren",
    }


def test_data_blocks(every_block):
    page, _stored = every_block

    values = values_by_type(render(page))

    assert values["key_figures"] == {
        "heading": "Chemie im Westharz",
        "items": [{"value": "12.000", "unit": "", "label": "Arbeitsplätze"}],
    }
    assert values["timeline"] == {
        "heading": "Geschichte",
        "items": [{"date_label": "August 2016", "title": "Gründung", "text": ""}],
    }


def test_image_and_gallery_carry_the_alt_text_given_where_they_are_placed(every_block):
    page, stored = every_block

    values = values_by_type(render(page))

    image = values["image"]
    assert (image["caption"], image["credit"]) == (
        "Produktion in Goslar",
        "Foto: ChemieNetzwerk Harz",
    )
    assert image["image"]["id"] == stored["image"]["image"]["image"]
    assert image["image"]["alt"] == "Blick in die Produktionshalle"
    assert set(image["image"]["renditions"]) == {"thumbnail", "small", "medium", "large"}
    assert image["image"]["renditions"]["small"]["url"].startswith("http://testserver/media/")
    gallery = values["gallery"]
    assert gallery["heading"] == "Impressionen"
    assert [item["image"]["alt"] for item in gallery["images"]] == [
        "Blick in die Produktionshalle",
        "Labor",
    ]


def test_a_deleted_image_leaves_the_image_null(home):
    image = ImageFactory()
    page = page_with_body(home, [("image", image_value(image))])
    image.delete()
    page = StandardPage.objects.get(pk=page.pk)

    assert values_by_type(render(page))["image"]["image"] is None


def test_a_deleted_quote_leaves_the_value_null(home):
    quote = QuoteFactory()
    page = page_with_body(home, [("quote_snippet", quote.pk)])
    quote.delete()
    page = StandardPage.objects.get(pk=page.pk)

    assert [(item["type"], item["value"]) for item in render(page)] == [("quote_snippet", None)]


def test_document_block_links_the_file_absolutely(every_block):
    page, stored = every_block

    document = values_by_type(render(page))["document"]

    assert document["title"] == "Jahresbericht"
    assert document["description"] == "Bericht über das Jahr 2023."
    assert document["document"]["id"] == stored["document"]["document"]
    assert document["document"]["url"].startswith("http://testserver/documents/")
    assert document["document"]["file_extension"] == "pdf"


def test_embed_comes_from_the_embed_cache(every_block):
    page, stored = every_block

    embed = values_by_type(render(page))["embed"]

    url = stored["embed"]["video"]
    assert embed == {
        "video": {
            "url": url,
            "html": f'<iframe src="{url}"></iframe>',
            "title": "Imagefilm des Netzwerks",
            "provider_name": "YouTube",
            "thumbnail_url": None,
            "width": 480,
            "height": 270,
        },
        "title": "Imagefilm des Netzwerks",
        "caption": "",
    }


class UnreachableProviderFinder:
    """An oEmbed finder whose provider never answers, as without internet access."""

    def __init__(self, **options):
        pass

    def accept(self, url):
        return True

    def find_embed(self, url, max_width=None, max_height=None):
        raise OSError("Network is unreachable")


class LocalProviderFinder(UnreachableProviderFinder):
    """An oEmbed finder that answers every URL with a fixed video."""

    def find_embed(self, url, max_width=None, max_height=None):
        return {
            "title": "Forum Chemie 2024",
            "author_name": "ChemieNetzwerk Harz",
            "provider_name": "Vimeo",
            "type": "video",
            "thumbnail_url": "https://vimeo.example/thumb.jpg",
            "width": 640,
            "height": 360,
            "html": '<iframe src="https://player.vimeo.example/1"></iframe>',
        }


def embed_value(url: str) -> dict:
    return {"video": url, "title": "Forum Chemie", "caption": ""}


def test_embed_the_provider_cannot_answer_gives_its_url_only(home, settings):
    settings.WAGTAILEMBEDS_FINDERS = [{"class": f"{__name__}.UnreachableProviderFinder"}]
    url = "https://vimeo.com/1000001"
    page = page_with_body(home, [("embed", embed_value(url))])

    video = values_by_type(render(page))["embed"]["video"]

    assert video == {
        "url": url,
        "html": None,
        "title": None,
        "provider_name": None,
        "thumbnail_url": None,
        "width": None,
        "height": None,
    }


def test_embed_not_cached_yet_is_asked_from_the_provider_and_kept(home, settings):
    settings.WAGTAILEMBEDS_FINDERS = [{"class": f"{__name__}.LocalProviderFinder"}]
    url = "https://vimeo.com/1000002"
    page = page_with_body(home, [("embed", embed_value(url))])

    video = values_by_type(render(page))["embed"]["video"]

    assert video["provider_name"] == "Vimeo"
    assert video["thumbnail_url"] == "https://vimeo.example/thumb.jpg"
    assert (video["width"], video["height"]) == (640, 360)
    # The answer is cached: later responses do not ask the provider again.
    settings.WAGTAILEMBEDS_FINDERS = [{"class": f"{__name__}.UnreachableProviderFinder"}]
    assert values_by_type(render(page))["embed"]["video"] == video


def test_snippet_blocks(every_block):
    page, stored = every_block

    values = values_by_type(render(page))

    assert values["quote_snippet"]["id"] == stored["quote_snippet"]
    assert values["quote_snippet"]["text"] == "Gemeinsam sind wir als Chemiestandort sichtbarer."
    funding_notice = values["funding_notice"]
    assert funding_notice["funding"]["id"] == stored["funding_notice"]["funding"]
    assert funding_notice["notice"] == "Gefördert vom Bundesministerium für Bildung und Forschung."
    assert funding_notice["emblem"] is None
    assert values["people"]["heading"] == "Ansprechpartner"
    assert [person["id"] for person in values["people"]["people"]] == stored["people"]["people"]
    assert values["organisations"]["heading"] == "Partner"
    assert [org["id"] for org in values["organisations"]["organisations"]] == stored[
        "organisations"
    ]["organisations"]


def people_block(*people) -> tuple[str, dict]:
    return ("people", {"heading": "Kontakt", "people": [person.pk for person in people]})


def test_contact_details_of_people_only_with_their_consent(home):
    consenting = PersonFactory(consenting=True, email="zustimmung@example.org")
    private = PersonFactory(email="privat@example.org")
    page = page_with_body(home, [people_block(consenting, private)])

    people = values_by_type(render(page))["people"]["people"]

    assert [(p["id"], p["email"], p["phone"]) for p in people] == [
        (consenting.pk, "zustimmung@example.org", "+49 5321 000000"),
        (private.pk, None, None),
    ]


def test_a_person_shows_the_name_position_organisation_and_photo(home):
    organisation = OrganisationFactory(name="Harzer Chemiewerk")
    person = PersonFactory(organisation=organisation, photo=ImageFactory())
    page = page_with_body(home, [people_block(person)])

    (shown,) = values_by_type(render(page))["people"]["people"]

    assert shown["full_name"] == person.full_name
    assert shown["position"] == "Clustersprecher"
    assert shown["organisation"]["name"] == "Harzer Chemiewerk"
    assert shown["photo"]["id"] == person.photo_id


def test_unpublished_organisations_are_left_out(home):
    live = OrganisationFactory()
    draft = OrganisationFactory(live=False)
    page = page_with_body(
        home,
        [("organisations", {"heading": "Partner", "organisations": [live.pk, draft.pk]})],
    )

    organisations = values_by_type(render(page))["organisations"]["organisations"]

    assert [org["id"] for org in organisations] == [live.pk]


def test_a_person_of_an_unpublished_organisation_shows_no_organisation(home):
    person = PersonFactory(organisation=OrganisationFactory(live=False))
    page = page_with_body(home, [people_block(person)])

    (shown,) = values_by_type(render(page))["people"]["people"]

    assert shown["organisation"] is None


def english_version(snippet, **changes):
    """An English translation of ``snippet`` with ``changes``, made as wagtail-localize
    copies snippets (same translation key, synchronised fields kept)."""
    english = snippet.copy_for_translation(locale("en"))
    for name, value in changes.items():
        setattr(english, name, value)
    english.save()
    return english


def test_snippets_come_in_the_response_locale_with_german_where_untranslated(home):
    translated = PersonFactory(position="Clustersprecher")
    english_person = english_version(translated, position="Cluster spokesperson")
    untranslated = PersonFactory(position="Geschäftsführer")
    organisation = OrganisationFactory(name="Harzer Chemiewerk")
    english_organisation = english_version(organisation, name="Harz Chemical Works")
    page = page_with_body(
        home,
        [
            people_block(translated, untranslated),
            ("organisations", {"heading": "", "organisations": [organisation.pk]}),
        ],
    )

    german = values_by_type(render(page))
    english = values_by_type(render(page, language="en"))

    assert [p["position"] for p in german["people"]["people"]] == [
        "Clustersprecher",
        "Geschäftsführer",
    ]
    assert [(p["id"], p["position"]) for p in english["people"]["people"]] == [
        (english_person.pk, "Cluster spokesperson"),
        (untranslated.pk, "Geschäftsführer"),
    ]
    assert [o["name"] for o in german["organisations"]["organisations"]] == ["Harzer Chemiewerk"]
    assert [(o["id"], o["name"]) for o in english["organisations"]["organisations"]] == [
        (english_organisation.pk, "Harz Chemical Works")
    ]


def test_a_quote_shows_its_person_in_the_response_locale(home):
    person = PersonFactory(position="Clustersprecher")
    english_person = english_version(person, position="Cluster spokesperson")
    page = page_with_body(home, [("quote_snippet", QuoteFactory(person=person).pk)])

    german = values_by_type(render(page))["quote_snippet"]["person"]
    english = values_by_type(render(page, language="en"))["quote_snippet"]["person"]

    assert (german["id"], german["position"]) == (person.pk, "Clustersprecher")
    assert (english["id"], english["position"]) == (english_person.pk, "Cluster spokesperson")


def test_an_unpublished_translation_leaves_the_german_organisation(home):
    organisation = OrganisationFactory(name="Harzer Chemiewerk")
    english_version(organisation, name="Harz Chemical Works", live=False)
    page = page_with_body(
        home, [("organisations", {"heading": "", "organisations": [organisation.pk]})]
    )

    organisations = values_by_type(render(page, language="en"))["organisations"]["organisations"]

    assert [(o["id"], o["name"]) for o in organisations] == [(organisation.pk, "Harzer Chemiewerk")]


def call_to_action(target) -> tuple[str, dict]:
    return (
        "call_to_action",
        {"title": "Weiter", "text": "", "page": target.pk, "url": "", "label": "Los"},
    )


@pytest.fixture
def target_with_english(home, django_capture_on_commit_callbacks):
    """A German page and its published English translation."""
    target = publish(StandardPageFactory(parent=home, title="Über uns", slug="ueber-uns"))
    with django_capture_on_commit_callbacks(execute=True):
        translate(target, {"Über uns": "About us", "ueber-uns": "about-us"})
    return target, target.get_translation(locale("en"))


def test_page_links_lead_to_the_translation_in_the_response_locale(home, target_with_english):
    target, english = target_with_english
    page = page_with_body(home, [call_to_action(target)])

    german_link = values_by_type(render(page))["call_to_action"]["page"]
    english_link = values_by_type(render(page, language="en"))["call_to_action"]["page"]

    assert german_link == {
        "id": target.pk,
        "type": "standard",
        "title": "Über uns",
        "locale": "de",
        "path": "/ueber-uns/",
    }
    assert english_link == {
        "id": english.pk,
        "type": "standard",
        "title": "About us",
        "locale": "en",
        "path": "/en/about-us/",
    }


def test_page_links_without_a_translation_lead_to_the_german_page(home):
    target = publish(StandardPageFactory(parent=home, slug="nur-deutsch"))
    page = page_with_body(home, [call_to_action(target)])

    link = values_by_type(render(page, language="en"))["call_to_action"]["page"]

    assert (link["id"], link["locale"], link["path"]) == (target.pk, "de", "/nur-deutsch/")


def test_links_to_unpublished_or_private_pages_are_null(home):
    draft_target = publish(StandardPageFactory(parent=home))
    private_target = publish(StandardPageFactory(parent=home))
    page = page_with_body(home, [call_to_action(draft_target), call_to_action(private_target)])
    draft_target.unpublish()
    PageViewRestriction.objects.create(
        page=private_target, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )

    links = [item["value"]["page"] for item in render(page)]

    assert links == [None, None]


def test_a_link_to_an_unpublished_translation_falls_back_to_the_german_page(
    home, target_with_english
):
    target, english = target_with_english
    english.unpublish()
    page = page_with_body(home, [call_to_action(target)])

    link = values_by_type(render(page, language="en"))["call_to_action"]["page"]

    assert link["id"] == target.pk


def test_newsletter_articles(home):
    author = PersonFactory()
    image = ImageFactory()
    issue = NewsletterIssuePageFactory()
    issue.articles = [
        {
            "type": "article",
            "value": {
                "headline": "Rohstoffregion Harz",
                "teaser": "Wie Unternehmen Sekundärrohstoffe erschließen.",
                "image": {"image": image.pk, "alt_text": "Halde", "decorative": False},
                "body": "<p>Der Harz gilt als Rohstoffregion.</p>",
                "author": author.pk,
                "author_name": "",
                "related_link": {"page": None, "url": "https://www.example.org", "label": "Mehr"},
            },
        }
    ]
    issue = publish(issue)

    field = StreamFieldSerializerField.for_model_field(NewsletterIssuePage, "articles")
    (article,) = render_field(field, issue.articles)

    value = article["value"]
    assert article["type"] == "article"
    assert (value["headline"], value["teaser"]) == (
        "Rohstoffregion Harz",
        "Wie Unternehmen Sekundärrohstoffe erschließen.",
    )
    assert (value["image"]["id"], value["image"]["alt"]) == (image.pk, "Halde")
    assert value["body"] == "<p>Der Harz gilt als Rohstoffregion.</p>"
    assert value["author"]["id"] == author.pk
    assert value["author_name"] == ""
    assert value["related_link"] == {
        "page": None,
        "url": "https://www.example.org",
        "label": "Mehr",
    }


def render_field(field: StreamFieldSerializerField, stream_value, *, language: str = "de"):
    """``stream_value`` rendered by ``field``, declared on a serializer of its own."""
    serializer_class = type("StreamSerializer", (serializers.Serializer,), {"stream": field})
    context = {"request": APIRequestFactory().get("/api/v1/"), "locale": locale(language)}
    return serializer_class({"stream": stream_value}, context=context).data["stream"]


def test_fields_of_action(home):
    cluster = ClusterPageFactory()
    cluster.fields_of_action = [
        {
            "type": "field_of_action",
            "value": {
                "title": "Innovation",
                "summary": "Gemeinsam entwickeln.",
                "measures": [{"title": "Innovationspreis", "description": "Ein Clusterpreis."}],
            },
        }
    ]
    cluster = publish(cluster)

    field = StreamFieldSerializerField.for_model_field(ClusterPage, "fields_of_action")
    (item,) = render_field(field, cluster.fields_of_action)

    assert item["type"] == "field_of_action"
    assert item["value"] == {
        "title": "Innovation",
        "summary": "Gemeinsam entwickeln.",
        "measures": [{"title": "Innovationspreis", "description": "Ein Clusterpreis."}],
    }


def test_documentation_documents_and_gallery(home):
    document, image = DocumentFactory(), ImageFactory()
    item = DocumentationItemPageFactory()
    item.documents = [
        {
            "type": "document",
            "value": {"document": document.pk, "title": "", "description": "Folien"},
        }
    ]
    item.gallery = [{"type": "image", "value": image_value(image, alt_text="Podium")}]
    item = publish(item)

    documents = render_field(
        StreamFieldSerializerField.for_model_field(DocumentationItemPage, "documents"),
        item.documents,
    )
    gallery = render_field(
        StreamFieldSerializerField.for_model_field(DocumentationItemPage, "gallery"),
        item.gallery,
    )

    assert [(d["type"], d["value"]["document"]["id"], d["value"]["title"]) for d in documents] == [
        ("document", document.pk, "")
    ]
    assert [
        (g["type"], g["value"]["image"]["id"], g["value"]["image"]["alt"]) for g in gallery
    ] == [("image", image.pk, "Podium")]


def test_the_field_takes_a_stream_block_class_instance_or_model_field():
    from_class = StreamFieldSerializerField(BodyStreamBlock)
    from_instance = StreamFieldSerializerField(BodyStreamBlock())
    from_model = StreamFieldSerializerField.for_model_field(StandardPage, "body")

    assert (
        list(from_class.child_fields)
        == list(from_instance.child_fields)
        == list(from_model.child_fields)
    )
    with pytest.raises(TypeError):
        StreamFieldSerializerField.for_model_field(StandardPage, "title")


def queries_to_render(page, *, language: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        render(page, language=language)
    return len(queries)


def page_with_every_block(home, *, copies: int) -> StandardPage:
    """Every body block ``copies`` times, each copy referring to objects of its own."""
    blocks = [item for _copy in range(copies) for item in body_block_values(link_page=home).items()]
    return page_with_body(home, blocks)


@pytest.mark.parametrize("language", ["de", "en"])
def test_queries_do_not_grow_with_the_number_of_blocks(home, language):
    few = page_with_every_block(home, copies=1)
    many = page_with_every_block(home, copies=4)
    for page in (few, many):
        render(page, language=language)  # creates the renditions of the images once

    assert queries_to_render(few, language=language) == queries_to_render(many, language=language)


def test_snippets_and_links_of_a_stream_are_looked_up_once_per_kind(home):
    """Twelve people, organisations, fundings and links cost what one of each costs."""

    def page_with(copies: int) -> StandardPage:
        blocks = []
        for _copy in range(copies):
            organisation = OrganisationFactory()
            target = publish(StandardPageFactory(parent=home))
            blocks += [
                people_block(PersonFactory(organisation=organisation, photo=ImageFactory())),
                ("organisations", {"heading": "", "organisations": [organisation.pk]}),
                (
                    "funding_notice",
                    {
                        "funding": FundingFactory(recipient=organisation).pk,
                        "notice": "Gefördert.",
                        "emblem": None,
                    },
                ),
                call_to_action(target),
                ("paragraph", f'<p><a linktype="page" id="{target.pk}">Mehr</a></p>'),
            ]
        return page_with_body(home, blocks)

    few, many = page_with(1), page_with(12)
    for page in (few, many):
        render(page, language="en")

    assert queries_to_render(few, language="en") == queries_to_render(many, language="en")


@pytest.mark.parametrize("language", ["de", "en"])
def test_quotes_with_their_people_are_looked_up_once_per_stream(home, language):
    def page_with(copies: int) -> StandardPage:
        quotes = [
            QuoteFactory(
                person=PersonFactory(organisation=OrganisationFactory()),
                organisation=OrganisationFactory(),
            )
            for _copy in range(copies)
        ]
        for quote in quotes[:1]:
            english_version(quote.person, position="Cluster spokesperson")
        return page_with_body(home, [("quote_snippet", quote.pk) for quote in quotes])

    few, many = page_with(1), page_with(6)

    assert queries_to_render(few, language=language) == queries_to_render(many, language=language)
