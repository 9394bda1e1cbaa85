from wagtail import hooks

from home.admin_access import AdminDocumentsAPI, AdminImagesAPI, AdminPagesAPI


# After Wagtail's own registrations (order 0), so these replace them.
@hooks.register("construct_admin_api", order=100)
def limit_admin_api(router):
    router.register_endpoint("pages", AdminPagesAPI)
    router.register_endpoint("images", AdminImagesAPI)
    router.register_endpoint("documents", AdminDocumentsAPI)
