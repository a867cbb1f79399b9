"""Rich text features allowed in snippet texts.

Profiles and descriptions are rendered by several frontends inside their own layouts,
so headings stay below the frontend's section level and embeds are left out.
"""

PROFILE_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]
