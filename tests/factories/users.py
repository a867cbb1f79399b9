"""Admin users in the groups of the translation workflow.

The groups come from the data migration ``hub/migrations/0002_translation_roles``, so they
exist in the test database; tests with ``transaction=True`` flush them and cannot use these
factories.
"""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.messages import ERROR, get_messages
from django.urls import reverse
from factory.django import DjangoModelFactory

from hub.translation.roles import REVIEWERS, TRANSLATORS

USER_PASSWORD = "user-password-for-tests-only"


def join_groups(*default_names: str):
    """A post-generation hook that puts the user in the named groups, or in those given as
    ``groups=[...]`` to the factory."""

    def add_groups(user, create, extracted, **kwargs):
        names = default_names if extracted is None else extracted
        if create and names:
            groups = Group.objects.filter(name__in=names)
            assert groups.count() == len(set(names)), f"Missing groups among {names}"
            user.groups.add(*groups)

    return factory.PostGeneration(add_groups)


class UserFactory(DjangoModelFactory):
    """An active user in no group; pass ``groups=["Editors"]`` to add some."""

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    first_name = "Ute"
    last_name = factory.Sequence(lambda n: f"Nutzerin {n}")
    password = factory.django.Password(USER_PASSWORD)
    groups = join_groups()

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True


class TranslatorFactory(UserFactory):
    username = factory.Sequence(lambda n: f"translator{n}")
    first_name = "Tessa"
    last_name = factory.Sequence(lambda n: f"Translator {n}")
    groups = join_groups(TRANSLATORS)


class ReviewerFactory(UserFactory):
    username = factory.Sequence(lambda n: f"reviewer{n}")
    first_name = "Rainer"
    last_name = factory.Sequence(lambda n: f"Reviewer {n}")
    groups = join_groups(REVIEWERS)


def is_denied(response) -> bool:
    """Whether the admin refused the request.

    Wagtail's admin answers a PermissionDenied with a redirect to the dashboard and the
    message "Sorry, you do not have permission to access this area." (a plain 403 only for
    XMLHttpRequests and views outside its permission wrapper). The message is translated
    into the user's admin language, German by default, so only its level is checked.
    """
    if response.status_code == 403:
        return True
    return (
        response.status_code == 302
        and response.url == reverse("wagtailadmin_home")
        and any(message.level == ERROR for message in get_messages(response.wsgi_request))
    )
