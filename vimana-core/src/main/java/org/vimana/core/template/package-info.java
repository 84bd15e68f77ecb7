/** Templates: named, reusable VM definitions that new VMs are created from. */
package org.vimana.core.template;
