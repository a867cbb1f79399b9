"""Real network peers on loopback for tests: an SMTP server, an HTTP receiver, a task worker.

Email and webhooks are tested against servers that speak the real protocols, and
background tasks run in django-tasks' own database worker, as in production.
"""
