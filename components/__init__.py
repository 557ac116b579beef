"""Streamlit UI pieces of the argmap app.

Contract: modules here receive domain objects (a :class:`arguments.models.Map`,
frames and records computed by :mod:`arguments`) and only render them; they do
no parsing and no graph algorithms.  The one exception is
:mod:`components.source`, which is the single place the app gets its current
map from (cached by path and modification time).  Every widget has an explicit
``key``; ``st.session_state`` holds UI selections only.
"""
