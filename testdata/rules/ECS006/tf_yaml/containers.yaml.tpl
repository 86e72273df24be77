- name: agent
  image: ${image}
  environment:
%{ for k, v in env ~}
    - name: ${k}
      value: ${v}
%{ endfor ~}
%{ if debug ~}
  privileged: true
%{ endif ~}
