package shipcheck.lib.ecs_sizes_test

import data.shipcheck.lib.ecs

test_memory_mib if {
	ecs.memory_mib(512) == 512
	ecs.memory_mib("1024") == 1024
	ecs.memory_mib("2 GB") == 2048
	ecs.memory_mib("2GB") == 2048
	ecs.memory_mib(".5 gb") == 512
	ecs.memory_mib("0.5 GiB") == 512
	ecs.memory_mib("512 MiB") == 512
	ecs.memory_mib("512mb") == 512
}

test_memory_mib_undefined if {
	not ecs.memory_mib("${var.memory}")
	not ecs.memory_mib("lots")
	not ecs.memory_mib(null)
	not ecs.memory_mib("2 TB")
}

test_cpu_units if {
	ecs.cpu_units(256) == 256
	ecs.cpu_units("1024") == 1024
	ecs.cpu_units("1 vCPU") == 1024
	ecs.cpu_units("0.25 vcpu") == 256
	ecs.cpu_units(".5 VCPU") == 512
	ecs.cpu_units("2vcpus") == 2048
}

test_cpu_units_undefined if {
	not ecs.cpu_units("${var.cpu}")
	not ecs.cpu_units("fast")
}

test_present if {
	ecs.present(0)
	ecs.present("x")
	ecs.present(false)
	ecs.present({})
	ecs.present([])
	not ecs.present(null)
	not ecs.present("")
	not ecs.present("  ")
}

test_container_names if {
	ecs.container_names == {"a", "b"} with input as {"spec": {"containerDefinitions": [{"name": "a"}, {"name": "b"}, {"image": "x"}]}}
	not ecs.names_known with input as {"spec": {"containerDefinitions": [{"name": "a"}, {"image": "x"}]}}
	ecs.names_known with input as {"spec": {"containerDefinitions": [{"name": "a"}]}}
	not ecs.names_known with input as {"spec": {"containerDefinitions": [{"name": "${local.name}"}]}}
}
