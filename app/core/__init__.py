"""The Qt-free core of Confidant: storage, keys, policy and the facade."""
