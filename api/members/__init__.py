"""The member API: organisation-scoped tokens, the member's view of a profile, and
submissions of changes for review (docs/members.md)."""
