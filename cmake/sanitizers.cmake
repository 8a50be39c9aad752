# UPSPEC_SANITIZE=address,undefined builds everything with those sanitizers;
# undefined behaviour aborts instead of printing and carrying on.
if(UPSPEC_SANITIZE)
  add_compile_options(-fsanitize=${UPSPEC_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${UPSPEC_SANITIZE})
endif()
