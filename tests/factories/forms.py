"""What the Wagtail admin's forms post, for tests that go through the real admin views."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text


def organisation_form_data(*, sectors=(), **changes) -> dict:
    """The organisation editor's form for "Harzer Zinkoxide" in Goslar; ``changes``
    overrides fields or adds actions (``**{"action-publish": "action-publish"}``)."""
    # Lists would be flattened by nested_form_data; a multiple choice needs repeated keys.
    return {"sectors": [sector.pk for sector in sectors]} | nested_form_data(
        {
            "name": "Harzer Zinkoxide",
            "slug": "harzer-zinkoxide",
            "kind": "company",
            "legal_form": "GmbH",
            "summary": "",
            "description": rich_text("<p>Zinkoxid aus Goslar.</p>"),
            "website": "",
            "email": "",
            "phone": "",
            "street": "Hüttenstraße 6",
            "postal_code": "38642",
            "city": "Goslar",
            "region": "niedersachsen",
            "country": "DE",
            "latitude": "51.905000",
            "longitude": "10.429000",
            "employee_band": "",
            "founded_year": "",
            "memberships": inline_formset([]),
            **changes,
        }
    )
