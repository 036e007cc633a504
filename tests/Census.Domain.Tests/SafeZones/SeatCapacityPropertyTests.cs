using Census.Contracts.SafeZones;
using Census.Domain.SafeZones;
using static Census.Domain.Tests.SafeZones.ZoneFixtures;

namespace Census.Domain.Tests.SafeZones;

/// <summary>
/// Random sequences of bookings and cancellations, decided by the seat rules as the site grain decides them, against a
/// naive model that keeps one seat count per day: the same decisions, and no day ever over the site's seats.
/// </summary>
public class SeatCapacityPropertyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(12)]
    public void Bookings_and_cancellations_never_exceed_capacity_and_agree_with_a_naive_count(int capacity)
    {
        var random = new Random(1400 + capacity);
        var open = Enum.GetValues<DayOfWeek>();
        for (var run = 0; run < 60; run++)
        {
            var site = Site(capacity, open);
            var bookings = new List<SafeZoneBooking>();
            var naive = new Dictionary<DateOnly, int>();
            for (var step = 0; step < 80; step++)
            {
                var context = $"capacity {capacity}, run {run}, step {step}";
                var live = bookings.Where(b => b.State == SafeZoneBookingState.Booked).ToList();
                if (live.Count > 0 && random.Next(4) == 0)
                {
                    var cancelled = live[random.Next(live.Count)];
                    bookings[bookings.IndexOf(cancelled)] = cancelled with { State = SafeZoneBookingState.Cancelled };
                    foreach (var day in cancelled.Days)
                    {
                        naive[day] -= cancelled.Seats;
                    }

                    continue;
                }

                var days = Enumerable.Range(0, 8).Where(_ => random.Next(3) == 0).Select(Day).ToList();
                if (days.Count == 0)
                {
                    days.Add(Day(random.Next(8)));
                }

                var seats = random.Next(1, capacity + 1);
                var fits = days.All(d => naive.GetValueOrDefault(d) + seats <= capacity);

                var refused = SeatRules.SeatRefusal(site, bookings, days, seats, Today);

                Assert.True(fits == refused is null, $"{context}: naive {fits}, rules {refused?.Reason}");
                if (refused is null)
                {
                    bookings.Add(Booking($"b-{step}", seats, [.. days]));
                    foreach (var day in days)
                    {
                        naive[day] = naive.GetValueOrDefault(day) + seats;
                    }
                }
                else
                {
                    Assert.Equal(SafeZoneOutcome.Conflict, refused.Outcome);
                }

                for (var d = 0; d < 8; d++)
                {
                    var taken = SeatRules.Taken(bookings, Day(d));
                    Assert.True(taken <= capacity, $"{context}: {taken} seats on day {d}");
                    Assert.Equal(naive.GetValueOrDefault(Day(d)), taken);
                }
            }
        }
    }
}
