"""Helpers for filling Wagtail admin widgets that need more than ``locator.fill()``."""

import json
import re

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
