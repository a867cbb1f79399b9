"""Background tasks of the translation workflow (django-tasks; ``manage.py db_worker``)."""

from django_tasks import task

from hub.translation.sync import create_translations_of_new_page


@task()
def create_page_translations(page_id: int) -> list[str]:
    """Create the draft translations of a new German page; returns the language codes.

    Takes the page's id, not the page: arguments are stored as JSON until a worker runs.
    """
    return create_translations_of_new_page(page_id)
