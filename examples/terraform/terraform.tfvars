environment       = "production"
vpc_id            = "vpc-0a1b2c3d4e5f67890"
public_subnet_ids = ["subnet-0aa11bb22cc33dd44", "subnet-0ee55ff66aa77bb88"]
