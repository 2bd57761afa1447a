"""The route options the issue asks for, on the real network."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from routes import (
    InputError,
    NoRouteError,
    PlaceNotFoundError,
    TripOptions,
    check_claims,
    find_options,
    plan_trip,
)
from routes.facts import load_facts
from routes.itinerary import RouteOption
from routes.modes.rail import rail_options
from routes.network.graph import load_network


def test_direct_rail_goes_via_tumangang_and_khasan(pyongyang_vladivostok: TripOptions) -> None:
    direct = pyongyang_vladivostok.options[0]
    assert direct.modes == ("rail",)
    assert direct.via.index("Tumangang station") < direct.via.index("Khasan station")
    assert 1165 <= direct.distance_km.central <= 1250
    assert direct.distance_km.low >= 1100 and direct.distance_km.high <= 1300
    assert direct.duration_h.low <= 43 and direct.duration_h.high >= 26  # overlaps 26–43 h
    assert direct.duration_h.central > 24  # more than a day, not "about 10 hours"
    assert direct.border_crossings == 1
    assert direct.gauge_changes == 1


def test_border_dwell_and_gauge_change_are_separate_items(
        pyongyang_vladivostok: TripOptions) -> None:
    direct = pyongyang_vladivostok.options[0]
    modes = [leg.mode for leg in direct.legs]
    assert modes == ["rail", "border", "gauge_change", "rail"]
    border, gauge = direct.legs[1], direct.legs[2]
    assert border.duration_h.central > 0 and gauge.duration_h.central > 0
    assert "1,435 ↔ 1,520 mm" in gauge.notes[0]
    assert border.sources and gauge.sources
    run = sum(leg.duration_h.central for leg in direct.legs)
    assert direct.duration_h.central == pytest.approx(run)


def test_the_irish_border_has_no_checks_and_no_change_of_gauge() -> None:
    # Northern Ireland's lines are of the Irish gauge, as the Republic's (a region of
    # rail/gauges.toml), and the Common Travel Area has no checks on the Enterprise
    direct = find_options(plan_trip("Dublin", "Belfast", mode="rail")).options[0]
    assert direct.border_crossings == 1
    assert direct.gauge_changes == 0
    border = next(leg for leg in direct.legs if leg.mode == "border")
    assert border.duration_h.central == 0.0
    assert direct.duration_h.central < 2.5
    facts = load_facts()
    assert facts.gauge("GB") == 1435 and facts.gauge("GB", (54.6, -5.9)) == 1600


def test_the_haramain_line_serves_jeddah() -> None:
    # Makkah–Jeddah is 78 km of the line (planned 21 min); Jeddah is on it, not 67 km off
    direct = find_options(plan_trip("Jeddah", "Mecca", mode="rail")).options[0]
    assert 70 <= direct.distance_km.central <= 90
    assert direct.duration_h.high < 1.0


@pytest.mark.parametrize(("origin", "destination", "label"), [
    ("Melbourne", "Hobart", "MEL–HBA"),  # Tullamarine, not Essendon nearer the centre
    ("Conakry", "Dakar", "CKY–DSS"),  # Conakry's own airport, not Freetown's larger Lungi
])
def test_a_flight_leaves_from_the_city_s_main_airport(origin: str, destination: str,
                                                      label: str) -> None:
    flight = find_options(plan_trip(origin, destination, mode="air")).options[0]
    assert label in flight.label


def test_flight_sunan_vladivostok_with_ground_access(pyongyang_vladivostok: TripOptions) -> None:
    flight = next(o for o in pyongyang_vladivostok.options if "air" in o.modes)
    ground_in, air, ground_out = flight.legs
    assert air.origin.id == "FNJ" and air.destination.id == "VVO"
    assert 700 <= air.distance_km.central <= 725
    assert air.duration_h.low >= 80 / 60 and air.duration_h.high <= 105 / 60
    assert air.duration_h.central == pytest.approx(1.5)
    assert ground_in.mode == "road" and ground_in.distance_km.central == pytest.approx(24)
    assert ground_out.mode == "rail" and ground_out.distance_km.central == pytest.approx(44)
    assert flight.scheduled


def test_tumen_hunchun_detour(pyongyang_vladivostok: TripOptions,
                             tumen_hunchun_detour: TripOptions) -> None:
    detour = tumen_hunchun_detour.options[0]
    names = list(detour.via)
    order = ["Namyang station", "Tumen station", "Hunchun South station", "Makhalino station"]
    assert [names.index(n) for n in order] == sorted(names.index(n) for n in order)
    assert 1230 <= detour.distance_km.central <= 1320
    direct = pyongyang_vladivostok.options[0]
    assert detour.border_crossings == direct.border_crossings + 1 == 2
    assert not detour.passenger_service
    assert any("no scheduled passenger service" in n for n in detour.notes)
    assert any("Tumen–Hunchun railway" in n for leg in detour.legs for n in leg.notes)


def test_avoiding_china_never_enters_china() -> None:
    result = find_options(plan_trip("Pyongyang", "Vladivostok", avoid=["CN"]))
    assert result.options
    for option in result.options:
        for leg in option.legs:
            assert "CN" not in leg.countries


def test_avoiding_russia_gives_no_route() -> None:
    with pytest.raises(NoRouteError, match="Vladivostok is in RU"):
        plan_trip("Pyongyang", "Vladivostok", avoid=["RU"])


def test_avoiding_a_place_routes_around_it() -> None:
    result = find_options(plan_trip("Pyongyang", "Vladivostok", mode="rail",
                                    avoid=["Tumangang"]))
    for option in result.options:
        assert "Tumangang station" not in option.via


def test_alternatives_really_differ(pyongyang_vladivostok: TripOptions) -> None:
    rail = [o for o in pyongyang_vladivostok.options if o.modes == ("rail",)]
    # The direct line and the way through China; a third way (Namyang–Tumen) takes more
    # than 1.5 times the fastest and is left out (facts.toml [routing] max_stretch).
    assert len(rail) >= 2
    assert len({o.via for o in rail}) == len(rail)
    assert len({o.label for o in rail}) == len(rail)


def test_departure_gives_local_arrival_times_with_offsets() -> None:
    trip = plan_trip("Pyongyang", "Vladivostok", mode="rail", alternatives=1,
                     depart="2019-04-24T05:00+09:00")
    option = find_options(trip).options[0]
    start, end = option.legs[0].origin, option.legs[-1].destination
    assert start.utc_offset == "+09:00"
    assert end.utc_offset == "+10:00"
    assert end.arrival is not None and start.arrival is not None
    elapsed = (end.arrival - start.arrival).total_seconds() / 3600
    assert elapsed == pytest.approx(option.duration_h.central, abs=1 / 60)
    stops = [s for leg in option.legs for s in leg.stops]
    assert all(s.arrival is not None for s in stops)
    assert any(s.name == "Chongjin station" and s.utc_offset == "+09:00" for s in stops)


def test_departure_in_a_named_zone() -> None:
    trip = plan_trip("Khasan", "Vladivostok", depart="2019-04-24T11:40[Asia/Vladivostok]")
    assert trip.depart == dt.datetime(2019, 4, 24, 1, 40, tzinfo=dt.UTC)


@pytest.mark.parametrize(("kwargs", "error", "message"), [
    ({"origin": "Nowhereville", "destination": "Vladivostok"}, PlaceNotFoundError, "unknown"),
    ({"origin": "Vladivostok", "destination": "Владивосток"}, InputError, "same place"),
    ({"origin": "Pyongyang", "destination": "Vladivostok", "via": ["Tumen"], "avoid": ["CN"]},
     InputError, "also to be avoided"),
    ({"origin": "Pyongyang", "destination": "Vladivostok", "depart": "tomorrow"}, InputError,
     "departure time"),
    ({"origin": "Pyongyang", "destination": "Vladivostok", "depart": "2019-04-24T05:00"},
     InputError, "time zone"),
    ({"origin": "Pyongyang", "destination": "Vladivostok", "mode": "ship"}, InputError, "mode"),
])
def test_bad_trips_are_refused(kwargs: dict[str, object], error: type[Exception],
                               message: str) -> None:
    with pytest.raises(error, match=message):
        plan_trip(**kwargs)  # type: ignore[arg-type]


def test_a_via_is_honoured() -> None:
    trip = plan_trip("Pyongyang", "Vladivostok", via=["Beijing"], mode="rail", alternatives=1)
    option = find_options(trip).options[0]
    assert "Beijing station" in option.via
    assert option.distance_km.central > 2500


def test_a_via_that_makes_the_trip_impossible() -> None:
    trip = plan_trip("Pyongyang", "Vladivostok", via=["Reykjavik"], mode="rail")
    with pytest.raises(NoRouteError, match=r"Reykjav.k is .* km from the nearest railway"):
        find_options(trip)


def test_a_via_on_a_railway_not_joined_to_the_trip_says_so() -> None:
    trip = plan_trip("Pyongyang", "Vladivostok", via=["Tokyo"], mode="rail")
    with pytest.raises(NoRouteError, match=r"railways at Pyongyang and at Tokyo are not joined"):
        find_options(trip)


def test_no_air_option_for_a_via_trip_is_explained(tumen_hunchun_detour: TripOptions) -> None:
    assert {o.modes[0] for o in tumen_hunchun_detour.options} == {"rail", "road"}
    assert any(n.startswith("air:") and "via applies to rail and road only" in n
               for n in tumen_hunchun_detour.notes)


# Places to pass out of order (issue 14, item 8): kept in order, and said so.

def test_vias_out_of_order_are_kept_and_warned_about() -> None:
    result = find_options(plan_trip("Moscow", "Vladivostok", via=["Irkutsk", "Novosibirsk"],
                                    mode="rail", alternatives=1))
    order = [n for n in result.notes if "out of order" in n]
    assert len(order) == 1
    assert "Moscow → Irkutsk → Novosibirsk → Vladivostok" in order[0]
    assert "through Novosibirsk, Irkutsk in that order" in order[0]
    rail = result.options[0]
    stops = [s.name for leg in rail.legs for s in leg.stops]
    last = len(stops) - 1 - stops[::-1].index("Novosibirsk")
    assert stops.index("Irkutsk") < last  # not reordered: Novosibirsk again after Irkutsk
    assert any(n.startswith("doubles back: passes ") for n in rail.notes)


def test_vias_in_order_draw_no_warning(tumen_hunchun_detour: TripOptions) -> None:
    result = find_options(plan_trip("Moscow", "Vladivostok", via=["Novosibirsk", "Irkutsk"],
                                    mode="rail", alternatives=1))
    assert not any("out of order" in n for n in result.notes)
    assert not any("doubles back" in n for n in result.options[0].notes)
    assert not any("out of order" in n for n in tumen_hunchun_detour.notes)
    assert not any("doubles back" in n for n in tumen_hunchun_detour.options[0].notes)


# Labels that tell the options apart (issue 14, item 8).

def _told_apart(options: list[RouteOption]) -> None:
    """Each rail label names a place of its own way that each rival does not pass.

    Rivals are the other rail options with the same border crossings: a label of crossings
    alone tells an option from those with other crossings.
    """
    rail = [o for o in options if o.modes == ("rail",)]
    labels = [o.label for o in rail]
    assert len(set(labels)) == len(labels), labels
    crossings = [[leg.origin.name for leg in o.legs if leg.mode == "border"] for o in rail]
    for n, option in enumerate(rail):
        named = {s for s in option.via if s in option.label}
        for m, other in enumerate(rail):
            if m != n and crossings[m] == crossings[n]:
                assert named - set(other.via), (option.label, other.label)


@pytest.mark.parametrize(("origin", "avoid", "k"), [
    ("Moscow", ["CN", "MN", "KZ"], 3),  # all in Russia: told apart by towns only
    ("Moscow", ["CN", "MN", "KZ"], 5),
    ("Moscow", [], 3),
    ("Pyongyang", [], 3),  # two through Tumangang–Khasan
    ("Pyongyang", ["CN"], 3),  # three through Tumangang–Khasan
])
def test_rail_labels_name_what_tells_each_option_apart(origin: str, avoid: list[str],
                                                       k: int) -> None:
    trip = plan_trip(origin, "Vladivostok", avoid=avoid, mode="rail", alternatives=k)
    _told_apart(rail_options(trip, load_network()))
    _told_apart(list(find_options(trip).options))


def test_rail_alternatives_through_the_same_border_are_all_listed(
        pyongyang_vladivostok: TripOptions) -> None:
    rail = [o.label for o in pyongyang_vladivostok.options if o.modes == ("rail",)]
    assert len(rail) == 3
    assert sum(label.startswith("Rail via Tumangang–Khasan, through ") for label in rail) == 2


@pytest.mark.parametrize(("origin", "destination", "via"), [
    ("Irkutsk", "Moscow", ["Novosibirsk", "Omsk"]),  # a detour through Kazakhstan
    ("Moscow", "Beijing", []),
])
def test_labels_name_no_end_and_no_crossing_known_only_by_its_countries(
        origin: str, destination: str, via: list[str]) -> None:
    trip = plan_trip(origin, destination, via=via, mode="rail", alternatives=3)
    rail = [o for o in find_options(trip).options if o.modes == ("rail",)]
    assert len(rail) == 3
    for option in rail:
        named = option.label.removeprefix("Rail via ").split(", ")
        assert len(named) == len(set(named)), option.label
        assert not any(re.fullmatch(r"[A-Z]{2}–[A-Z]{2} border", x) for x in named), \
            option.label
        assert destination not in option.label and origin not in option.label, option.label
    _told_apart(rail)


def test_calling_at_a_station_on_a_branch_is_not_doubling_back() -> None:
    # Omsk's station lies on a branch off the line that passes the city: running in and out
    # of it is a call, not a route that doubles back.
    result = find_options(plan_trip("Irkutsk", "Moscow", via=["Omsk"], mode="rail",
                                    alternatives=1))
    stops = [s.name for leg in result.options[0].legs for s in leg.stops]
    assert "Omsk" in stops
    assert not any("doubles back" in n for n in result.options[0].notes)


def test_one_train_runs_the_whole_way_so_line_speed_ranges_add_up() -> None:
    # Paris–Brussels runs on two high-speed lines, with no through service listed: the
    # fastest time is the fastest train on both, not an average of independent errors.
    option = find_options(plan_trip("Paris", "Brussels", mode="rail",
                                    alternatives=1)).options[0]
    low = central = high = 0.0
    for leg in option.legs:
        for note in leg.notes:
            m = re.match(r"([\d,]+) km at (\d+)–(\d+)–(\d+) km/h", note)
            if m:
                km, slow, mid, fast = (float(x.replace(",", "")) for x in m.groups())
                low, central, high = low + km / fast, central + km / mid, high + km / slow
    assert central == pytest.approx(option.duration_h.central, abs=0.02)
    assert option.duration_h.low == pytest.approx(low, abs=0.02)
    assert option.duration_h.high == pytest.approx(high, abs=0.02)


def test_a_flight_abroad_leaves_from_an_international_airport() -> None:
    abroad = find_options(plan_trip("New York", "London", mode="air")).options
    codes = {leg.origin.name for o in abroad for leg in o.legs if leg.mode == "air"}
    assert codes and all("International" in c for c in codes)  # not La Guardia


def test_a_drive_across_a_border_stops_at_the_border_not_at_its_end() -> None:
    road = find_options(plan_trip("Hunchun", "Vladivostok", mode="road")).options[0]
    kinds = [leg.mode for leg in road.legs]
    assert kinds == ["road", "border", "road"]
    first, halt, second = road.legs
    assert first.destination.name == halt.origin.name == second.origin.name == "CN–RU border"
    assert first.countries == ("CN",) and second.countries == ("RU",)
    # the two parts share the drive; the halt comes between them
    total = first.distance_km.central + second.distance_km.central
    assert total == pytest.approx(road.distance_km.central, rel=0.01)
    assert second.origin.elapsed_h == pytest.approx(halt.destination.elapsed_h)


def test_a_through_train_is_timed_end_to_end_not_line_by_line() -> None:
    # Eurostar trains run London–Paris without stopping at Lille, where the two lines meet:
    # the time is the service's own (2 h 15 at best), less than the two lines' fastest
    # end-to-end trains added up.
    facts = load_facts()
    lines = {x.id: x for x in facts.high_speed}
    added = sum(lines[x].fastest_h or 0.0 for x in ("hs1-london-lille", "lgv-nord-paris-lille"))
    option = find_options(plan_trip("London", "Paris", mode="rail", alternatives=1)).options[0]
    rail = [leg for leg in option.legs if leg.mode == "rail"]
    assert all(any("Eurostar London St Pancras–Paris Gare du Nord" in n for n in leg.notes)
               for leg in rail)
    assert option.duration_h.low < 2.3 < added
    # A trip on part of the chain keeps the line's own trains.
    lille = find_options(plan_trip("London", "Lille", mode="rail", alternatives=1)).options[0]
    assert not any("Eurostar" in n for leg in lille.legs for n in leg.notes)
    # Paris–Brussels trains pass Lille by: 1 h 22, not the two lines' own trains added up.
    brussels = find_options(plan_trip("Paris", "Brussels", mode="rail",
                                      alternatives=1)).options[0]
    assert brussels.duration_h.low <= 1 + 22 / 60 <= brussels.duration_h.high


def test_the_channel_tunnel_shuttle_crosses_in_about_35_minutes() -> None:
    # LeShuttle carries cars from Folkestone to Coquelles, by Calais, in about 35 minutes;
    # without it the only way by rail went round through Lille, two hours and more.
    option = find_options(plan_trip("Folkestone", "Calais", mode="rail",
                                    alternatives=1)).options[0]
    assert option.duration_h.low <= 35 / 60 <= option.duration_h.high
    assert any("LeShuttle" in n for leg in option.legs for n in leg.notes)
    (checked,) = check_claims("Drivers who take the Eurotunnel shuttle from Folkestone reach "
                              "Calais in 35 minutes.").claims
    assert (checked.claim.mode, checked.verdict) == ("rail", "consistent")


def test_a_drive_in_a_country_of_few_motorways_may_run_as_fast_as_on_one() -> None:
    from routes.modes.road import load_road_model

    model = load_road_model()
    assert model.road_class("RS") == "mixed" and model.road_class("DE") == "motorway"
    mixed, motorway = model.speed(380.0, ("RS", "RS")), model.speed(380.0, ("DE", "DE"))
    assert mixed.high == motorway.high  # a trip on its motorway corridor
    assert mixed.central < motorway.central  # but typically slower
    # Belgrade–Budapest by motorway is under four hours; the estimate allows it.
    (checked,) = check_claims("On the new motorway, the drive from Belgrade to Budapest "
                              "takes under four hours.").claims
    assert checked.verdict == "consistent"


def test_paris_marseille_trains_do_not_stop_at_lyon() -> None:
    option = find_options(plan_trip("Paris", "Marseille", mode="rail", alternatives=1)).options[0]
    assert any("TGV Paris Gare de Lyon–Marseille Saint-Charles" in n
               for leg in option.legs for n in leg.notes)
    assert option.duration_h.low <= 3.0 <= option.duration_h.central


def test_a_long_flight_at_home_to_a_smaller_airport_may_be_nonstop() -> None:
    # Easter Island's airport is not a large one, but Santiago flies there nonstop.
    result = find_options(plan_trip("Santiago", "Easter Island", mode="air"))
    flights = [leg for o in result.options for leg in o.legs if leg.mode == "air"]
    assert any("one stop" not in o.label for o in result.options)
    assert min(f.duration_h.central for f in flights) < 6.0


def test_al_boraq_is_fast_on_its_new_line_and_slower_on_the_old_one() -> None:
    # Tangier–Kénitra, 186 km of new line, in 50 minutes; Tangier–Rabat in 1 h 20.
    kenitra = find_options(plan_trip("Tangier", "Kenitra", mode="rail",
                                     alternatives=1)).options[0]
    rabat = find_options(plan_trip("Tangier", "Rabat", mode="rail", alternatives=1)).options[0]
    assert kenitra.duration_h.low <= 50 / 60 <= kenitra.duration_h.high
    assert rabat.duration_h.low <= 1 + 20 / 60 <= rabat.duration_h.high


def test_a_flight_round_russia_costs_by_the_length_of_great_circle_inside_it() -> None:
    # Helsinki–Tokyo crossed 5,300 km of Russia: since 2022 the reroute adds hours; Perth–
    # London only clips it (175 km) and keeps its time, a nonstop of about 17 h 30.
    tokyo = find_options(plan_trip("Helsinki", "Tokyo", mode="air")).options[0]
    perth = find_options(plan_trip("Perth, Australia", "London", mode="air")).options[0]
    crossed = [re.search(r"crosses it for ([\d,]+) km: 2\.4 h \(up to 4\.2\) longer", n)
               for n in tokyo.notes]
    km = [float(m.group(1).replace(",", "")) for m in crossed if m is not None]
    assert km and 5_200 <= km[0] <= 5_400  # sampled every 25 km along the great circle
    air = [leg for leg in perth.legs if leg.mode == "air"]
    assert "one stop" not in perth.label  # the nonstop comes first
    assert air[0].duration_h.low <= 17.5 <= air[0].duration_h.high
    assert air[0].duration_h.high < 18.5


def test_a_flight_round_north_korea_takes_the_time_airlines_timetable() -> None:
    # Jeju Air's Incheon–Yanji is timetabled at 2 h 25 to 2 h 40 against about 1.5 h for
    # the direct 660 km: South Korean airlines fly round North Korea. Air Koryo's
    # Pyongyang–Vladivostok crosses its own airspace and keeps its time.
    yanji = find_options(plan_trip("Incheon", "Yanji", mode="air")).options[0]
    assert any("North Korea" in n for n in yanji.notes)
    assert yanji.duration_h.low <= 2 + 25 / 60 <= yanji.duration_h.high
    koryo = find_options(plan_trip("Pyongyang", "Vladivostok", mode="air")).options[0]
    assert not any("North Korea" in n for n in koryo.notes)


def test_an_airport_closed_to_passengers_is_not_flown_from() -> None:
    # Istanbul Atatürk lost its passenger flights to Istanbul Airport in April 2019.
    result = find_options(plan_trip("Istanbul", "Baku", mode="air"))
    airports = {leg.origin.name for o in result.options for leg in o.legs if leg.mode == "air"}
    assert airports and not any("Atatürk" in a for a in airports)


def test_a_short_swiss_motorway_drive_is_not_taken_for_a_city_trip() -> None:
    # Geneva–Lausanne is 64 km by the A1, about 45 minutes; the road model's Swiss distance
    # is that of intercity drives, not of the short trips of a travel survey.
    road = find_options(plan_trip("Geneva", "Lausanne", mode="road")).options[0]
    assert road.distance_km.low <= 64 <= road.distance_km.high
    assert road.duration_h.low <= 0.75


def test_tierra_del_fuego_is_reached_by_road_over_the_car_ferry() -> None:
    # Ushuaia is on an island: the road to Buenos Aires crosses the Strait of Magellan
    drive = find_options(plan_trip("Ushuaia", "Buenos Aires", mode="road")).options[0]
    assert [leg.mode for leg in drive.legs] == ["road", "sea", "road"]
    assert 2_700 <= drive.distance_km.central <= 3_400


def test_where_passengers_change_trains_at_a_gauge_break_no_bogies_are_exchanged() -> None:
    # Ukrainian trains run on broad gauge into Przemysl, where passengers change trains
    przemysl = find_options(plan_trip("Lviv", "Przemysl", mode="rail")).options[0]
    (change,) = [leg for leg in przemysl.legs if leg.mode == "gauge_change"]
    assert change.duration_h.high <= 0.5
    assert "change of trains" in change.notes[0]
    # at Brest the cars' bogies are exchanged
    brest = find_options(plan_trip("Brest", "Warsaw", mode="rail")).options[0]
    (bogies,) = [leg for leg in brest.legs if leg.mode == "gauge_change"]
    assert bogies.duration_h.low >= 2.0
    assert "bogie exchange" in bogies.notes[0]


def test_the_ghan_runs_from_adelaide_to_darwin() -> None:
    # Natural Earth's railways end at Alice Springs; the line to Darwin opened in 2004
    ghan = find_options(plan_trip("Adelaide", "Darwin", mode="rail")).options[0]
    assert 2_900 <= ghan.distance_km.central <= 3_100
    assert ghan.duration_h.low >= 30


def test_a_mountain_town_flies_from_its_own_small_airport() -> None:
    # Jomsom's strip has scheduled flights to Pokhara; the nearest bigger airport is
    # Pokhara's own, 69 km away, so the flight is PKR–JMO, not a drive to the plains.
    (flight,) = find_options(plan_trip("Pokhara", "Jomsom", mode="air")).options
    air = [leg for leg in flight.legs if leg.mode == "air"]
    assert [leg.track for leg in air] == [("PKR", "JMO")]
    assert flight.duration_h.central < 1.5


def test_no_flight_starts_with_a_drive_longer_than_the_whole_way() -> None:
    # Pokhara–Jomsom is 60 km as the crow flies: no option drives 120 km to Bhairahawa.
    apart = 60.0
    for option in find_options(plan_trip("Pokhara", "Jomsom", mode="air")).options:
        first, last = option.legs[0], option.legs[-1]
        assert first.distance_km.central <= apart and last.distance_km.central <= apart


def test_a_town_on_a_narrow_strait_is_on_its_own_island() -> None:
    # Gilimanuk's point lies in the water of the simplified coast, nearer Java's outline than
    # Bali's; the drive to Denpasar stays on Bali, with no ferry.
    (road,) = find_options(plan_trip("Gilimanuk", "Denpasar", mode="road")).options
    assert [leg.mode for leg in road.legs] == ["road"]
    assert 100 <= road.distance_km.central <= 160


def test_a_drive_from_the_continent_takes_the_crossings_to_an_island() -> None:
    # Paris–Dublin: the Channel Tunnel, then the ferry from Holyhead.
    (road,) = find_options(plan_trip("Paris", "Dublin", mode="road")).options
    assert [leg.mode for leg in road.legs].count("sea") == 1
    assert any("Holyhead" in leg.origin.name for leg in road.legs if leg.mode == "sea")
