package org.vimana.cli.format;

import java.time.Duration;
import org.vimana.core.workload.Workload;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Picocli converters for the value syntaxes of this package; picocli prefixes their messages with
 * the option at fault ("Invalid value for option '--memory': ...").
 */
public final class Converters {
  private Converters() {}

  /** A memory size in MiB ({@code 512M}, {@code 4G}; plain numbers are MiB). */
  public static final class MemoryMib implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      try {
        return Sizes.parseMib(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** A disk size in GiB ({@code 20G}, {@code 1T}; plain numbers are GiB). */
  public static final class DiskGib implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      try {
        return Sizes.parseGib(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** A workload spec ({@code constant:0.3}, see {@link Workloads}). */
  public static final class WorkloadSpec implements ITypeConverter<Workload> {
    @Override
    public Workload convert(String value) {
      try {
        return Workloads.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** A duration ({@code 60s}, {@code 10m}; plain numbers are seconds). */
  public static final class DurationValue implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return Durations.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
