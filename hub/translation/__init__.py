"""The translation workflow around wagtail-localize.

German is the source locale; every other configured content language is a target. The
modules here hold what wagtail-localize leaves to the project: who may translate and review,
the status of each translation, keeping translations in step with their sources, strict PO
import, and the machine translator's configuration.
"""
