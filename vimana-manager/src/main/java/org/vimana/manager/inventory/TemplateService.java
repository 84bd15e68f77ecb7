package org.vimana.manager.inventory;

import java.util.List;
import org.vimana.core.template.Template;
import org.vimana.manager.inventory.InventoryException.Kind;
import org.vimana.manager.store.DuplicateNameException;
import org.vimana.manager.store.TemplateStore;

/** Templates VMs are created from. */
public final class TemplateService {
  private final TemplateStore store;

  public TemplateService(TemplateStore store) {
    this.store = store;
  }

  public List<Template> list() {
    return store.list();
  }

  public Template get(String name) {
    return store.find(name).orElseThrow(() -> InventoryException.notFound("template", name));
  }

  public Template create(Template t) {
    try {
      store.insert(t);
    } catch (DuplicateNameException e) {
      throw new InventoryException(Kind.CONFLICT, e.getMessage());
    }
    return t;
  }

  public void delete(String name) {
    if (!store.delete(name)) {
      throw InventoryException.notFound("template", name);
    }
  }
}
