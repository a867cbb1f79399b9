from snippets.models.funding import Funding
from snippets.models.membership import Membership
from snippets.models.organisation import Organisation
from snippets.models.person import Person
from snippets.models.quote import Quote
from snippets.models.site_offer import SiteOffer
from snippets.models.taxonomy import Topic

__all__ = [
    "Funding",
    "Membership",
    "Organisation",
    "Person",
    "Quote",
    "SiteOffer",
    "Topic",
]
