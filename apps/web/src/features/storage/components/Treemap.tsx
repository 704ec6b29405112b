import type { RepositoryStorage } from '@swr-console/contracts/bff';
import { hierarchy, treemap, treemapSquarify } from 'd3-hierarchy';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { formatBytes } from '../../../shared/format';
import { useT } from '../../../shared/i18n';
import { repositoryToUrl } from '../../../shared/region';

const WIDTH = 960;
const HEIGHT = 420;

interface Node {
  name: string;
  children?: Node[];
  repository?: RepositoryStorage;
}

/**
 * The region's storage at a glance: one box per organization, and in it one per repository, each
 * as large as its layers. Every box links to its repository; the table below says the same in
 * rows, for screen readers and for exact numbers.
 */
export function Treemap({
  region,
  repositories,
}: {
  region: string;
  repositories: RepositoryStorage[];
}) {
  const t = useT();
  const boxes = useMemo(() => {
    const byNamespace = new Map<string, Node[]>();
    for (const repository of repositories) {
      if (repository.bytes === 0) continue;
      const list = byNamespace.get(repository.namespace) ?? [];
      list.push({ name: repository.name, repository });
      byNamespace.set(repository.namespace, list);
    }
    const root = hierarchy<Node>({
      name: region,
      children: [...byNamespace].map(([name, children]) => ({ name, children })),
    })
      .sum((node) => node.repository?.bytes ?? 0)
      .sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
    return treemap<Node>()
      .tile(treemapSquarify)
      .size([WIDTH, HEIGHT])
      .paddingOuter(2)
      .paddingTop(20)
      .paddingInner(2)
      .round(true)(root)
      .descendants()
      .filter((node) => node.depth > 0);
  }, [region, repositories]);
  if (boxes.length === 0) return null;
  return (
    <svg
      className="storage-treemap"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      // A group of links (each box one), named for what it shows; the table says it in rows.
      role="group"
      aria-label={t('storage.treemap')}
    >
      {boxes.map((box) => {
        const width = box.x1 - box.x0;
        const height = box.y1 - box.y0;
        const label = `${box.data.repository ? `${box.parent!.data.name}/` : ''}${box.data.name}: ${formatBytes(box.value ?? 0)}`;
        if (box.depth === 1)
          return (
            <g key={`ns-${box.data.name}`} className="storage-namespace">
              <rect x={box.x0} y={box.y0} width={width} height={height} />
              {width > 60 ? (
                <text x={box.x0 + 4} y={box.y0 + 14}>
                  {box.data.name}
                </text>
              ) : null}
            </g>
          );
        const repository = box.data.repository!;
        return (
          <Link
            key={`${repository.namespace}/${repository.name}`}
            to={`/${region}/repositories/${repository.namespace}/${repositoryToUrl(repository.name)}`}
            aria-label={label}
          >
            <g className="storage-repository">
              <title>{label}</title>
              <rect x={box.x0} y={box.y0} width={width} height={height} />
              {width > 70 && height > 30 ? (
                <>
                  <text x={box.x0 + 4} y={box.y0 + 14}>
                    {repository.name.length * 7 > width - 8
                      ? `${repository.name.slice(0, Math.max(1, Math.floor((width - 8) / 7) - 1))}…`
                      : repository.name}
                  </text>
                  <text x={box.x0 + 4} y={box.y0 + 28} className="storage-bytes">
                    {formatBytes(repository.bytes)}
                  </text>
                </>
              ) : null}
            </g>
          </Link>
        );
      })}
    </svg>
  );
}
