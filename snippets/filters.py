"""Listing filters for the snippet admin."""

import django_filters
from django import forms
from wagtail.admin.filters import WagtailFilterSet

from snippets.choices import TopicKind
from snippets.models import Organisation, Topic


class OrganisationFilterSet(WagtailFilterSet):
    sectors = django_filters.ModelMultipleChoiceFilter(
        label="Sectors",
        queryset=Topic.objects.filter(kind=TopicKind.SECTOR),
        widget=forms.CheckboxSelectMultiple,
        method="filter_sectors",
    )

    class Meta:
        model = Organisation
        fields = ["kind", "region", "employee_band"]

    def filter_sectors(self, queryset, name, value):
        # A subquery on the primary key rather than a join: the search backend can filter
        # search results by "id" but not across the many-to-many table.
        if not value:
            return queryset
        through = Organisation.sectors.through
        members = through.objects.filter(topic__in=value).values("organisation_id")
        return queryset.filter(pk__in=members)
