"""Every text a user reads: the message catalogue (English msgids, zh in ``locale/``), the phrases
and hints of problems, and the language in force. The lowest layer: it imports nothing of jyscore's.
"""
