/** Types every feature shares: the errors that carry a broken rule. */
@NullMarked
package io.kapivara.hub.shared;

import org.jspecify.annotations.NullMarked;
