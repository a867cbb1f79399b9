"""Images and documents, filed in Wagtail's root collection."""

import factory
import wagtail_factories
from wagtail.models import Collection


def root_collection() -> Collection:
    """The collection Wagtail's migrations create; wagtail-factories would add a new root."""
    return Collection.get_first_root_node()


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Werksansicht {n}")
    collection = factory.LazyFunction(root_collection)
    file = factory.django.ImageField(filename="werk.png", width=64, height=48, color="teal")


class DocumentFactory(wagtail_factories.DocumentFactory):
    title = factory.Sequence(lambda n: f"CKreihe Dokumentation {n}")
    collection = factory.LazyFunction(root_collection)
    file = factory.django.FileField(filename="dokumentation.pdf", data=b"%PDF-1.4\n%%EOF\n")
