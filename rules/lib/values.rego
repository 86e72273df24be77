# METADATA
# description: |
#   Helpers shared by every rule: truthiness that accepts the strings
#   "true"/"false" (CloudFormation, Terraform), number coercion, and
#   recognising values that could not be known statically.
#
#   Beware when writing rules: in OPA 1.x `not is_string(x.missing)` does
#   not hold when x.missing is undefined. Read optional fields with
#   object.get(x, "missing", null) before negating a type test.
package shipcheck.lib.values

# is_true holds for true and for the string "true" in any case.
is_true(x) if x == true

is_true(x) if {
	is_string(x)
	lower(trim_space(x)) == "true"
}

# is_false holds for false and for the string "false" in any case.
is_false(x) if x == false

is_false(x) if {
	is_string(x)
	lower(trim_space(x)) == "false"
}

# number returns x as a number when it is one or a string holding one.
number(x) := x if is_number(x)

number(x) := to_number(trim_space(x)) if {
	is_string(x)
	regex.match(`^-?[0-9]+(\.[0-9]+)?$`, trim_space(x))
}

# unknown holds for a value kept as its source expression because it could
# not be evaluated: "${var.x}", "{{ .Values.x }}", "$(VAR)".
unknown(x) if {
	is_string(x)
	regex.match(`\$\{[^}]*\}|\{\{.*\}\}|\$\([^)]*\)`, x)
}

# object_or_empty returns x when it is an object, else {}; rules treat a
# value of the wrong type as absent (SCH002 reports it).
object_or_empty(x) := x if is_object(x)

object_or_empty(x) := {} if not is_object(x)

# array_or_empty returns x when it is an array, else [].
array_or_empty(x) := x if is_array(x)

array_or_empty(x) := [] if not is_array(x)

# nonempty_string holds for a string that is not blank.
nonempty_string(x) if {
	is_string(x)
	trim_space(x) != ""
}
