"""Which documents are public.

A document is public unless its collection, or a collection above it, has a view
restriction (Wagtail's CollectionViewRestriction: password, login or groups). Such a
document is served by Wagtail only to those who pass the restriction, and it never appears
in the API.
"""

from typing import Any

from django.db.models import Exists, OuterRef, QuerySet
from django.db.models.functions import Length, Substr
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction


def collection_restrictions_covering(collection_path: str = "path") -> QuerySet:
    """Restrictions on the outer row's collection or one above it, for ``Exists()``;
    ``collection_path`` names the outer row's collection path."""
    return CollectionViewRestriction.objects.filter(
        # A collection's path prefixes the paths of every collection below it.
        collection__path=Substr(OuterRef(collection_path), 1, Length("collection__path"))
    )


def restricted_collection_ids() -> frozenset[int]:
    """Ids of the collections under a view restriction (their own or an ancestor's); one
    query."""
    return frozenset(
        Collection.objects.filter(Exists(collection_restrictions_covering()))
        .order_by()
        .values_list("pk", flat=True)
    )


def public_documents_by_pk(document_ids: set[int]) -> dict[int, Any]:
    """``{id: document}`` of the documents among ``document_ids`` that exist and are
    public; one query."""
    if not document_ids:
        return {}
    documents = get_document_model().objects.filter(pk__in=document_ids)
    return documents.exclude(Exists(collection_restrictions_covering("collection__path"))).in_bulk()
