# METADATA
# description: |
#   Helpers for container image references shared by the image rules
#   (ECS004, K8S004): whether a string can be an image reference once the
#   templates and deploy-tool placeholders in it are filled in.
package shipcheck.lib.images

# plausible holds for what can be an image reference once its templates are
# filled in. Placeholders that deploy tools replace, such as CodeDeploy's
# "<IMAGE1_NAME>" or "IMAGE_PLACEHOLDER", are not references (repository
# names are lower case) and must not read as an untagged image. A registry
# host may hold placeholder words ("ACCOUNT_ID.dkr.ecr.REGION.amazonaws.com",
# "<acr_login_server>", "%REGISTRY%"): the tag after it is still known.
plausible(image) if {
	filled := regex.replace(trim_space(image), template, "x")
	regex.match(reference, filled)
}

# template matches ${...}, {{ ... }}, $(...), $VAR, #{...}, <NAME> and
# %NAME%.
template := `\$\{[^}]*\}|\{\{.*?\}\}|\$\([^)]*\)|\$[A-Za-z_][A-Za-z0-9_]*|#\{[^}]*\}|<[^<>\s]+>|%[A-Za-z_][A-Za-z0-9_]*%`

reference := `^(?:[A-Za-z0-9._-]+(?::[0-9]+)?/)?[a-z0-9]+(?:[._-]+[a-z0-9]+)*(?:/[a-z0-9]+(?:[._-]+[a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]*)?(?:@.+)?$`
