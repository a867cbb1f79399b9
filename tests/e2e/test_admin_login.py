"""Smoke test: an editor logs into the Wagtail admin in a real browser."""

from playwright.sync_api import expect

USERNAME = "redaktion"
PASSWORD = "e2e-password-for-tests-only"


def _create_superuser(django_user_model):
    return django_user_model.objects.create_superuser(
        username=USERNAME, email="redaktion@example.org", password=PASSWORD
    )


def test_superuser_logs_in_and_sees_the_dashboard(
    page, live_server, admin_login, django_user_model
):
    _create_superuser(django_user_model)

    admin_login(page, live_server, USERNAME, PASSWORD)

    expect(page.locator("main h1")).to_have_text("Cluster Hub")
    # The sidebar's account menu carries the user's name, whatever the admin's language.
    expect(page.get_by_role("button", name=USERNAME)).to_be_visible()


def test_wrong_password_keeps_the_login_form(page, live_server, django_user_model):
    _create_superuser(django_user_model)

    page.goto(f"{live_server.url}/admin/")
    expect(page).to_have_url(f"{live_server.url}/admin/login/?next=/admin/")
    page.locator("#id_username").fill(USERNAME)
    page.locator("#id_password").fill("not-the-password")
    page.locator("form.login-form button[type=submit]").click()

    expect(page.locator(".messages .error")).to_be_visible()
    expect(page).to_have_url(f"{live_server.url}/admin/login/")
