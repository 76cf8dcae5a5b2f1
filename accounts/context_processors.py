from accounts.roles import role_of


def role(request):
    user = getattr(request, "user", None)
    return {"user_role": role_of(user)}
