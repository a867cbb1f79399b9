"""Member companies' accounts, their access to organisation profiles, and the review of
the changes they submit (docs/members.md)."""
