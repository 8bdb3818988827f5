import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ContributionError } from './ContributionError';
import type { PluginListItem } from './PluginListItem';

interface Props {
  plugin: PluginListItem;
  children: ReactNode;
}

/** Catches what a contribution throws while rendering, so only its own slot shows the failure. */
export class ContributionBoundary extends Component<Props, { error?: unknown }> {
  override state: { error?: unknown } = {};

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    // Kept for whoever debugs the plugin: the component stack is not in the card.
    console.error(`Plugin '${this.props.plugin.id}' failed while rendering`, error, info.componentStack);
  }

  override render() {
    if (this.state.error !== undefined) {
      return (
        <ContributionError
          plugin={this.props.plugin}
          what="failed while rendering"
          error={this.state.error}
          onRetry={() => this.setState({ error: undefined })}
        />
      );
    }
    return this.props.children;
  }
}
