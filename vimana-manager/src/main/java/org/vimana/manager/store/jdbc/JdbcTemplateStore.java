package org.vimana.manager.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.vimana.core.template.Template;
import org.vimana.manager.store.DuplicateNameException;
import org.vimana.manager.store.TemplateStore;

/** Templates in table {@code templates}. */
public final class JdbcTemplateStore implements TemplateStore {
  private static final String COLUMNS =
      "name, description, vcpus, memory_mib, disk_gib, image, workload";
  private final Jdbc jdbc;

  public JdbcTemplateStore(DataSource ds) {
    this.jdbc = new Jdbc(ds);
  }

  @Override
  public void insert(Template t) {
    try {
      jdbc.update(
          "INSERT INTO templates (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?)",
          ps -> {
            ps.setString(1, t.name());
            ps.setString(2, t.description());
            ps.setInt(3, t.vcpus());
            ps.setLong(4, t.memoryMib());
            ps.setLong(5, t.diskGib());
            ps.setString(6, t.image());
            ps.setString(7, WorkloadJson.write(t.workload()));
          });
    } catch (DuplicateNameException e) {
      throw new DuplicateNameException("a template named '" + t.name() + "' already exists", e);
    }
  }

  @Override
  public Optional<Template> find(String name) {
    return jdbc.one(
        "SELECT " + COLUMNS + " FROM templates WHERE name=?",
        ps -> ps.setString(1, name),
        JdbcTemplateStore::row);
  }

  @Override
  public List<Template> list() {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM templates ORDER BY name", ps -> {}, JdbcTemplateStore::row);
  }

  @Override
  public boolean delete(String name) {
    return jdbc.update("DELETE FROM templates WHERE name=?", ps -> ps.setString(1, name)) > 0;
  }

  private static Template row(ResultSet rs) throws SQLException {
    return new Template(
        rs.getString("name"),
        rs.getString("description"),
        rs.getInt("vcpus"),
        rs.getLong("memory_mib"),
        rs.getLong("disk_gib"),
        rs.getString("image"),
        WorkloadJson.read(rs.getString("workload")));
  }
}
