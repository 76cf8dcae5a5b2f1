"""The minimal correct peer of the panel vote, written from the Django tutorial (bench only).

Installed and routed only when MANTELKRING_BENCH=true (bench/run.py), so `make bench` can put
the panel vote next to the simplest Django view that does the same job: the tutorial's
`vote`, and the tutorial's `vote` plus a unique Vote(user, question) row in the same
transaction (the least a one-vote-per-person view must do).
"""
