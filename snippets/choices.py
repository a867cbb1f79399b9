"""Choice sets of the snippet models.

The stored values are stable identifiers that the API hands to frontends; labels are
for the admin and may change.
"""

from django.db import models


class TopicKind(models.TextChoices):
    SECTOR = "sector", "Sector (Branche)"
    TOPIC = "topic", "Topic (Thema)"


class OrganisationKind(models.TextChoices):
    COMPANY = "company", "Producing company"
    RESEARCH_INSTITUTE = "research_institute", "Research institute"
    UNIVERSITY = "university", "University"
    LOGISTICS = "logistics", "Logistics company"
    DEVELOPMENT_AGENCY = "development_agency", "Business development agency"
    ASSOCIATION = "association", "Association"
    NETWORK = "network", "Network / cluster organisation"
    PUBLIC_BODY = "public_body", "Public body"


class Region(models.TextChoices):
    """German federal states the clusters span, plus a catch-all for everywhere else."""

    NIEDERSACHSEN = "niedersachsen", "Lower Saxony (Niedersachsen)"
    SACHSEN_ANHALT = "sachsen-anhalt", "Saxony-Anhalt (Sachsen-Anhalt)"
    THUERINGEN = "thueringen", "Thuringia (Thüringen)"
    SACHSEN = "sachsen", "Saxony (Sachsen)"
    OTHER = "other", "Other region"


class EmployeeBand(models.TextChoices):
    MICRO = "1-9", "1-9 employees"
    SMALL = "10-49", "10-49 employees"
    MEDIUM = "50-249", "50-249 employees"
    LARGE = "250-999", "250-999 employees"
    VERY_LARGE = "1000+", "1,000 or more employees"


class MembershipRole(models.TextChoices):
    MEMBER = "member", "Member"
    FOUNDING_MEMBER = "founding_member", "Founding member"
    BOARD = "board", "Board"
    PARTNER = "partner", "Partner"
    SUPPORTER = "supporter", "Supporter"
    MANAGEMENT = "management", "Management"


class SiteOfferKind(models.TextChoices):
    PLOT = "plot", "Commercial plot (Gewerbefläche)"
    HALL = "hall", "Hall (Hallenobjekt)"
