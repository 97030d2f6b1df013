rootProject.name = "catalog-svc"
