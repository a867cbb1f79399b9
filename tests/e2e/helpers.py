"""Helpers for filling Wagtail admin widgets that need more than ``locator.fill()``."""

import json
import re
from dataclasses import dataclass

from playwright.sync_api import Locator, Page, expect


def fill_date(page: Page, date_input: Locator, value: str) -> None:
    """Type ``value`` ("YYYY-MM-DD") into a Wagtail date field and close its picker.

    The picker opens about 0.1-0.2 s after the input gets focus, from a timer. Leaving the
    field before then would let it open afterwards, over the elements below it, where it
    catches the next click (e.g. on "Save draft"). So wait until it is open, then leave.
    """
    date_input.fill(value)
    open_picker = page.locator(".xdsoft_datetimepicker:visible")
    expect(open_picker).to_have_count(1)
    date_input.press("Tab")
    expect(open_picker).to_have_count(0)
    expect(date_input).to_have_value(value)


def type_rich_text(page: Page, field_id: str, text: str) -> None:
    """Click into the Draftail editor of the rich text field ``field_id`` and type ``text``.

    Draftail keeps its value, as JSON, in a hidden input with the field's id and renders the
    editor next to it. It copies what was typed into that input shortly afterwards; the
    helper waits for the copy, as the form posts the input, not the editor.
    """
    stored = page.locator(f"#{field_id}")
    editor = page.locator(f"#{field_id} + .Draftail-Editor__wrapper [role=textbox]")
    editor.click()
    page.keyboard.type(text)
    expect(editor).to_contain_text(text)
    expect(stored).to_have_value(re.compile(re.escape(json.dumps(text, ensure_ascii=False)[1:-1])))


@dataclass(frozen=True)
class IssueForm:
    """What an editor types into the newsletter issue form (dates as "YYYY-MM-DD")."""

    title: str
    theme: str
    headline: str
    teaser: str
    body: str
    issue_number: int
    year: int
    quarter: int
    publication_date: str


def fill_newsletter_issue(page: Page, issue: IssueForm) -> None:
    """Fill the open newsletter issue form tab by tab: content, one article, edition."""
    page.locator("#tab-label-content").click()
    page.locator("#id_title").fill(issue.title)
    page.locator("#id_theme").fill(issue.theme)

    # Articles tab: one article, its body typed into the Draftail editor.
    page.locator("#tab-label-articles").click()
    page.locator("#tab-articles button.c-sf-add-button").first.click()
    page.locator("#articles-0-value-headline").fill(issue.headline)
    page.locator("#articles-0-value-teaser").fill(issue.teaser)
    type_rich_text(page, "articles-0-value-body", issue.body)

    # Edition tab: number, year, quarter and the publication date in the picker's format.
    page.locator("#tab-label-edition").click()
    page.locator("#id_issue_number").fill(str(issue.issue_number))
    page.locator("#id_year").fill(str(issue.year))
    page.locator("#id_quarter").select_option(str(issue.quarter))
    fill_date(page, page.locator("#id_publication_date"), issue.publication_date)
