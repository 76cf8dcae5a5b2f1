"""Writes of the panel, one module per sub-domain: verbs, keyword-only, each in its own
transaction; e-mail and channel messages are only sent from transaction.on_commit.

- members: joining and leaving the panel
- polls: votes, moderation, recounts
- gesprekken: registering for and cancelling spiegelgesprekken
- mailings: the runs that e-mail poll invitations and gesprek reminders

Import from the module (`from panel.services.polls import cast_vote`); this package
re-exports nothing, so the modules cannot import each other in a circle through it.
"""
