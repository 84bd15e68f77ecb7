package org.vimana.manager.store;

import java.util.List;
import java.util.Optional;
import org.vimana.core.template.Template;

/** VM templates. */
public interface TemplateStore {
  void insert(Template template);

  Optional<Template> find(String name);

  List<Template> list();

  boolean delete(String name);
}
