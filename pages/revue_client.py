"""Page placeholder: built by its issue."""

import streamlit as st

st.title("revue_client")
