"""E-mail in and out: notices, letters to bodies reached by e-mail, replies through anymail's
inbound webhook (and the holding pen for what matches nothing), delivery tracking, digests.

``foi.apps.FoiConfig.ready()`` connects the receivers; nothing here runs inside a request's
transaction: every send is a task scheduled on commit.
"""
