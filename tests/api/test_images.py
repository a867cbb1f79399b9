"""Images in the API: alt text, size, focal point, named renditions and srcset."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIRequestFactory
from wagtail.images import get_image_model

from api.serializers.images import RENDITIONS, ImageSerializer, rendition_prefetch
from snippets.models import Person
from tests.factories import ImageFactory, PersonFactory

pytestmark = pytest.mark.django_db


def context() -> dict:
    return {"request": APIRequestFactory().get("/api/v1/")}


def serialize(image) -> dict:
    return ImageSerializer(image, context=context()).data


@pytest.fixture
def photo():
    """A 2000x1500 photo, larger than every rendition."""
    return ImageFactory(title="Werkhalle", file__width=2000, file__height=1500)


def test_renditions_have_their_contract_names_and_real_sizes(photo):
    data = serialize(photo)

    assert (data["id"], data["width"], data["height"]) == (photo.pk, 2000, 1500)
    sizes = {name: (r["width"], r["height"]) for name, r in data["renditions"].items()}
    assert sizes == {
        "thumbnail": (400, 300),
        "small": (640, 480),
        "medium": (1024, 768),
        "large": (1600, 1200),
    }


def test_rendition_urls_are_absolute_and_lead_to_the_rendition_files(photo):
    data = serialize(photo)

    for name, spec in RENDITIONS.items():
        rendition = photo.get_rendition(spec)
        assert data["renditions"][name]["url"] == f"http://testserver{rendition.url}"


def test_srcset_lists_the_width_renditions_from_small_to_large(photo):
    data = serialize(photo)

    renditions = data["renditions"]
    assert data["srcset"] == (
        f"{renditions['small']['url']} 640w, "
        f"{renditions['medium']['url']} 1024w, "
        f"{renditions['large']['url']} 1600w"
    )


def test_small_images_are_not_scaled_up():
    data = serialize(ImageFactory(file__width=500, file__height=250))

    assert (data["renditions"]["large"]["width"], data["renditions"]["large"]["height"]) == (
        500,
        250,
    )


def test_focal_point_in_pixels_of_the_original_or_null(photo):
    assert serialize(photo)["focal_point"] is None

    photo.focal_point_x, photo.focal_point_y = 1200, 700
    photo.focal_point_width, photo.focal_point_height = 300, 200
    photo.save()

    assert serialize(photo)["focal_point"] == {"x": 1200, "y": 700, "width": 300, "height": 200}


def test_the_thumbnail_is_cropped_around_the_focal_point(photo):
    without_focal_point = serialize(photo)["renditions"]["thumbnail"]["url"]
    photo.focal_point_x, photo.focal_point_y = 1800, 1300
    photo.focal_point_width, photo.focal_point_height = 100, 100
    photo.save()

    assert serialize(photo)["renditions"]["thumbnail"]["url"] != without_focal_point


def test_alt_text_is_the_description_else_the_title(photo):
    assert serialize(photo)["alt"] == "Werkhalle"

    photo.description = "Blick in die Werkhalle mit Reaktoren"
    photo.save()

    assert serialize(photo)["alt"] == "Blick in die Werkhalle mit Reaktoren"


def test_alt_text_given_where_the_image_is_placed_wins(photo):
    photo.description = "Beschreibung"
    photo.contextual_alt_text, photo.decorative = "Reaktoren im Gegenlicht", False

    assert serialize(photo)["alt"] == "Reaktoren im Gegenlicht"


def test_decorative_images_have_an_empty_alt_text(photo):
    photo.contextual_alt_text, photo.decorative = "", True

    assert serialize(photo)["alt"] == ""


def test_placement_without_alt_text_falls_back_to_the_image(photo):
    photo.contextual_alt_text, photo.decorative = None, False

    assert serialize(photo)["alt"] == "Werkhalle"


def queries_to_list(ids) -> int:
    images = get_image_model().objects.filter(pk__in=ids).prefetch_related(rendition_prefetch())
    with CaptureQueriesContext(connection) as queries:
        ImageSerializer(images, many=True, context=context()).data  # noqa: B018
    return len(queries)


def test_a_prefetched_list_costs_the_same_queries_for_3_and_12_images():
    few = [ImageFactory().pk for _number in range(3)]
    many = [ImageFactory().pk for _number in range(12)]
    queries_to_list(few + many)  # creates the renditions

    assert queries_to_list(few) == queries_to_list(many) == 2


def test_prefetch_through_a_relation_serves_the_related_images():
    people = [PersonFactory(photo=ImageFactory()) for _number in range(4)]
    ImageSerializer([p.photo for p in people], many=True, context=context()).data  # noqa: B018
    queryset = Person.objects.filter(pk__in=[p.pk for p in people]).prefetch_related(
        rendition_prefetch("photo__renditions")
    )

    with CaptureQueriesContext(connection) as queries:
        photos = ImageSerializer([p.photo for p in queryset], many=True, context=context()).data

    assert {photo["id"] for photo in photos} == {p.photo_id for p in people}
    assert len(queries) == 3  # people, their photos, the renditions
