import type { ImageInspection } from '@swr-console/swr-api';
import { useQuery } from '@tanstack/react-query';
import { Flex } from 'antd';
import { useEffect, useId, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { EmptyText } from '../../shared/components/EmptyText';
import { ErrorAlert } from '../../shared/components/ErrorAlert';
import { PageLoading } from '../../shared/components/Loading';
import { Field } from '../../shared/components/form/Field';
import { TextInput } from '../../shared/components/input/TextInput';
import { Select } from '../../shared/components/select/Select';
import { Typography } from '../../shared/components/typography/Typography';
import { useT } from '../../shared/i18n';
import { allTagsQuery } from '../../shared/queries/tags';
import { useSession } from '../../shared/session';
import { imageQuery, type ImageRef } from './api';
import { Comparison } from './components/Comparison';
import './compare.css';

/**
 * One side's image: the tag as it stands, and when it is a multi-platform list, the image of the
 * platform being compared (asked for again only when the list's first is another).
 */
function useSide(ref: ImageRef, platform: string) {
  const top = useQuery({
    ...imageQuery({ ...ref, platform: undefined }),
    enabled: !!ref.reference,
  });
  const isList = (top.data?.platforms.length ?? 0) > 0;
  const needsOther = isList && !!platform && top.data?.image.platform !== platform;
  const chosen = useQuery({
    ...imageQuery({ ...ref, platform }),
    enabled: !!ref.reference && needsOther,
  });
  const data: ImageInspection | undefined = needsOther ? chosen.data : top.data;
  return {
    top: top.data,
    data,
    error: top.error ?? (needsOther ? chosen.error : null),
    loading: top.isLoading || (needsOther && chosen.isLoading),
    retry: () => void (top.error ? top.refetch() : chosen.refetch()),
  };
}

/** A tag typed or picked from the repository's tags, committed on Enter or when leaving the box. */
function TagField({
  label,
  value,
  tags,
  onChange,
}: {
  label: string;
  value: string;
  tags: readonly string[];
  onChange: (tag: string) => void;
}) {
  const id = useId();
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(value);
  }
  return (
    <Field id={id} label={label}>
      <TextInput
        id={id}
        list={`${id}-tags`}
        value={text}
        autoComplete="off"
        style={{ width: 260 }}
        onChange={(event) => setText(event.target.value)}
        onBlur={() => text.trim() !== value && onChange(text.trim())}
        onKeyDown={(event) => {
          if (event.key === 'Enter') onChange(text.trim());
        }}
      />
      <datalist id={`${id}-tags`}>
        {tags.map((tag) => (
          <option key={tag} value={tag} />
        ))}
      </datalist>
    </Field>
  );
}

/**
 * Two tags of the repository (or one tag here and one in another region) side by side: digests,
 * platforms, sizes, layers (shared, only left, only right), run settings, environment, labels
 * and history. Both tags, the other region and the platform are in the URL.
 */
export function ComparePanel({
  region,
  namespace,
  repository,
}: {
  region: string;
  namespace: string;
  repository: string;
}) {
  const t = useT();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const regions = (session?.regions ?? []).map((r) => r.id);
  const left = params.get('left') ?? '';
  const right = params.get('right') ?? '';
  const asked = params.get('rightRegion');
  const rightRegion = asked && regions.includes(asked) ? asked : region;
  const platform = params.get('platform') ?? '';
  const set = (changes: Record<string, string>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes))
          if (value) next.set(key, value);
          else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const here = useQuery(allTagsQuery(region, namespace, repository));
  const there = useQuery({
    ...allTagsQuery(rightRegion, namespace, repository),
    enabled: rightRegion !== region,
  });
  const tagNames = (items: { Tag: string }[] | undefined) => (items ?? []).map((tag) => tag.Tag);
  const leftSide = useSide({ region, namespace, repository, reference: left }, platform);
  const rightSide = useSide(
    { region: rightRegion, namespace, repository, reference: right },
    platform,
  );

  // Platforms both sides have, when either is a multi-platform list.
  const common = useMemo(() => {
    const names = (image: ImageInspection | undefined) =>
      image
        ? image.platforms.length > 0
          ? image.platforms.map((p) => p.platform)
          : [image.image.platform]
        : [];
    const theirs = new Set(names(rightSide.top));
    return names(leftSide.top).filter((name) => theirs.has(name));
  }, [leftSide.top, rightSide.top]);
  const multi =
    (leftSide.top?.platforms.length ?? 0) > 0 || (rightSide.top?.platforms.length ?? 0) > 0;
  // Compare one platform both have: the first of the left's list that the right has too.
  const firstCommon = multi && !platform ? common[0] : undefined;
  useEffect(() => {
    if (firstCommon) set({ platform: firstCommon });
    // `set` is new each render; the platform to pick is all that matters.
  }, [firstCommon]);

  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph type="secondary">{t('compare.intro')}</Typography.Paragraph>
      <Flex gap={16} wrap align="flex-end" className="compare-pickers">
        <TagField
          label={t('compare.left', { region })}
          value={left}
          tags={tagNames(here.data?.items)}
          onChange={(tag) => set({ left: tag, platform: '' })}
        />
        <Field id="compare-right-region" label={t('compare.rightRegion')} labelsInput={false}>
          <Select
            id="compare-right-region"
            aria-labelledby="compare-right-region-label"
            style={{ minWidth: 180 }}
            value={rightRegion}
            options={regions.map((id) => ({ value: id, label: id }))}
            onChange={(id: string) => set({ rightRegion: id === region ? '' : id, platform: '' })}
          />
        </Field>
        <TagField
          label={t('compare.right', { region: rightRegion })}
          value={right}
          tags={tagNames((rightRegion === region ? here : there).data?.items)}
          onChange={(tag) => set({ right: tag, platform: '' })}
        />
        {multi && common.length > 0 ? (
          <Field id="compare-platform" label={t('compare.platform')} labelsInput={false}>
            <Select
              id="compare-platform"
              aria-labelledby="compare-platform-label"
              style={{ minWidth: 160 }}
              value={platform || common[0]!}
              options={common.map((name) => ({ value: name, label: name }))}
              onChange={(name: string) => set({ platform: name })}
            />
          </Field>
        ) : null}
      </Flex>
      {!left || !right ? (
        <EmptyText>{t('compare.pick')}</EmptyText>
      ) : leftSide.error || rightSide.error ? (
        <>
          {leftSide.error ? <ErrorAlert error={leftSide.error} onRetry={leftSide.retry} /> : null}
          {rightSide.error ? (
            <ErrorAlert error={rightSide.error} onRetry={rightSide.retry} />
          ) : null}
        </>
      ) : leftSide.loading || rightSide.loading || !leftSide.data || !rightSide.data ? (
        <PageLoading />
      ) : multi && common.length === 0 ? (
        <EmptyText>{t('compare.noCommonPlatform')}</EmptyText>
      ) : (
        <Comparison
          left={{ region, inspection: leftSide.data }}
          right={{ region: rightRegion, inspection: rightSide.data }}
        />
      )}
    </Flex>
  );
}
