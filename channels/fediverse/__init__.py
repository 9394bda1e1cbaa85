"""The portal as an ActivityPub publisher: two actors the fediverse can follow.

Discovery (WebFinger, NodeInfo), the actors' documents, inbox and outbox live
here with the keys, followers and deliveries they need; the channel module
(channels/platforms/fediverse.py) turns a publication into activities and
hands them to `delivery` for the fan-out. See docs/fediverse.md.
"""
