print("remotes")
