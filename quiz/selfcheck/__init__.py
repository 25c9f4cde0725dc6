"""The self-checks: surveys that end in a personalised, ranked action list, not a score.

What the two self-checks share is here; each has one module of its own:

- ``model``: questions, rules, actions and reminders; ``loading``: reading them from a data file;
- ``rules``: which answers trigger which actions, ranked by risk;
- ``views``: the form shell, "check your answers", the action plan;
- ``steps``: the steps form -> (interim) -> check -> result, declared to the engine (quiz.engine);
- ``privacy_settings``, ``sensitive_roles``: the two widgets (model, form and result each).

A new platform for the privacy-settings check is data only: a [[platforms]]
entry and its `where` text in privacy_settings.toml.
"""
